package org.trustregistry.query.audit;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.trustregistry.query.common.Inserts;

interface AuditLogRepository extends JpaRepository<AuditLogView, UUID>,
        Inserts<AuditLogView>, JpaSpecificationExecutor<AuditLogView> {
}
