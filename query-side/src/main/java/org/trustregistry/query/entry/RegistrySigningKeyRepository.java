package org.trustregistry.query.entry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegistrySigningKeyRepository extends JpaRepository<RegistrySigningKeyView, String> {

    List<RegistrySigningKeyView> findByRegistryIdOrderByActiveFrom(UUID registryId);

    Optional<RegistrySigningKeyView> findFirstByRegistryIdAndReplacedAtIsNull(UUID registryId);
}
