package org.trustregistry.query.entry;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.trustregistry.query.common.Inserts;

interface RegistryEntryRepository extends JpaRepository<RegistryEntryView, UUID>, Inserts<RegistryEntryView> {

    Optional<RegistryEntryView> findFirstByEntityIdOrderByVersionDesc(UUID entityId);

    Optional<RegistryEntryView> findFirstByEntityTypeAndEntityIdOrderByVersionDesc(String entityType, UUID entityId);
}
