package org.trustregistry.query.history;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.trustregistry.query.common.Inserts;

interface StatusHistoryRepository extends JpaRepository<StatusHistoryView, UUID>, Inserts<StatusHistoryView> {

    List<StatusHistoryView> findByEntityTypeAndEntityIdOrderBySequenceNumber(String entityType, UUID entityId);
}
