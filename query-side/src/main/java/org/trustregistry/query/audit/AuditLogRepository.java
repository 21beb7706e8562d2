package org.trustregistry.query.audit;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditLogRepository extends JpaRepository<AuditLogView, UUID>, JpaSpecificationExecutor<AuditLogView> {
}
