package org.trustregistry.query.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of audit_logs: one event, who caused it, what it did to which resource, and its full content. */
@Entity
@Table(name = "audit_logs")
public class AuditLogView {

    @Id
    private UUID id;
    @Column(name = "global_index")
    private long globalIndex;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "actor_role")
    private String actorRole;
    @Column(name = "request_id")
    private String requestId;
    private String action;
    @Column(name = "resource_type")
    private String resourceType;
    @Column(name = "resource_id")
    private String resourceId;
    private String result;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;

    protected AuditLogView() {
    }

    AuditLogView(UUID id, long globalIndex, Instant occurredAt, String actorId, String actorRole, String requestId,
                 String action, String resourceType, String resourceId, String result, Map<String, Object> details) {
        this.id = id;
        this.globalIndex = globalIndex;
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.requestId = requestId;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.result = result;
        this.details = details;
    }

    public UUID getId() { return id; }
    public long getGlobalIndex() { return globalIndex; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActorId() { return actorId; }
    public String getActorRole() { return actorRole; }
    public String getRequestId() { return requestId; }
    public String getAction() { return action; }
    public String getResourceType() { return resourceType; }
    public String getResourceId() { return resourceId; }
    public String getResult() { return result; }
    public Map<String, Object> getDetails() { return details; }
}
