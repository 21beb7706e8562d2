package org.trustregistry.query.history;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StatusHistoryRepository extends JpaRepository<StatusHistoryView, UUID> {

    List<StatusHistoryView> findByEntityTypeAndEntityIdOrderBySequenceNumber(String entityType, UUID entityId);
}
