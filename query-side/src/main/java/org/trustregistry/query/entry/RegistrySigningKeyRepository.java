package org.trustregistry.query.entry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.trustregistry.query.common.Inserts;

interface RegistrySigningKeyRepository extends JpaRepository<RegistrySigningKeyView, String>,
        Inserts<RegistrySigningKeyView> {

    List<RegistrySigningKeyView> findByRegistryIdOrderByActiveFrom(UUID registryId);

    Optional<RegistrySigningKeyView> findFirstByRegistryIdAndReplacedAtIsNull(UUID registryId);
}
