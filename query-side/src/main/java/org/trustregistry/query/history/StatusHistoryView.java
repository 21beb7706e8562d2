package org.trustregistry.query.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of status_history: one status transition of an issuer or verifier (its registration, into
 * PENDING, included), with the id of the event it came from.
 */
@Entity
@Table(name = "status_history")
public class StatusHistoryView {

    @Id
    private UUID id;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private UUID entityId;
    private String did;
    @Column(name = "registry_id")
    private UUID registryId;
    private String transition;
    @Column(name = "previous_status")
    private String previousStatus;
    @Column(name = "new_status")
    private String newStatus;
    private String reason;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "actor_role")
    private String actorRole;
    @Column(name = "request_id")
    private String requestId;
    @Column(name = "effective_at")
    private Instant effectiveAt;
    @Column(name = "sequence_number")
    private long sequenceNumber;

    protected StatusHistoryView() {
    }

    StatusHistoryView(UUID id, String entityType, UUID entityId, String did, UUID registryId, String transition,
                      String previousStatus, String newStatus, String reason, String actorId, String actorRole,
                      String requestId, Instant effectiveAt, long sequenceNumber) {
        this.id = id;
        this.entityType = entityType;
        this.entityId = entityId;
        this.did = did;
        this.registryId = registryId;
        this.transition = transition;
        this.previousStatus = previousStatus;
        this.newStatus = newStatus;
        this.reason = reason;
        this.actorId = actorId;
        this.actorRole = actorRole;
        this.requestId = requestId;
        this.effectiveAt = effectiveAt;
        this.sequenceNumber = sequenceNumber;
    }

    public UUID getEventId() { return id; }
    public String getEntityType() { return entityType; }
    public UUID getEntityId() { return entityId; }
    public String getDid() { return did; }
    public UUID getRegistryId() { return registryId; }
    public String getTransition() { return transition; }
    public String getPreviousStatus() { return previousStatus; }
    public String getNewStatus() { return newStatus; }
    public String getReason() { return reason; }
    public String getActorId() { return actorId; }
    public String getActorRole() { return actorRole; }
    public String getRequestId() { return requestId; }
    public Instant getEffectiveAt() { return effectiveAt; }
    public long getSequenceNumber() { return sequenceNumber; }
}
