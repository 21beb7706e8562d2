package org.trustregistry.query.entry;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.trustregistry.query.common.Inserts;

interface RegistryEntryRepository extends JpaRepository<RegistryEntryView, UUID>, Inserts<RegistryEntryView> {

    Optional<RegistryEntryView> findFirstByEntityIdOrderByVersionDesc(UUID entityId);

    /** Every entry gone (a rebuild): in SQL, as Hibernate refuses a bulk delete of an immutable entity. */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(value = "DELETE FROM registry_entries", nativeQuery = true)
    void deleteEverything();

    Optional<RegistryEntryView> findFirstByEntityTypeAndEntityIdOrderByVersionDesc(String entityType, UUID entityId);
}
