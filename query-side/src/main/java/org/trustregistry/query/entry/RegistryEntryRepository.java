package org.trustregistry.query.entry;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegistryEntryRepository extends JpaRepository<RegistryEntryView, UUID> {

    Optional<RegistryEntryView> findFirstByEntityIdOrderByVersionDesc(UUID entityId);

    Optional<RegistryEntryView> findFirstByEntityTypeAndEntityIdOrderByVersionDesc(String entityType, UUID entityId);
}
