package org.trustregistry.query.accreditation;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.trustregistry.events.accreditation.EntityProfileEvent;
import org.trustregistry.events.accreditation.EntityProfileUpdated;
import org.trustregistry.events.accreditation.EntityRegistered;

/** The columns issuers and verifiers share (tables issuers and verifiers). */
@MappedSuperclass
public abstract class AccreditedEntityView {

    @Id
    private UUID id;
    private String did;
    private String name;
    @Column(name = "registry_id")
    private UUID registryId;
    @Column(name = "trust_framework_id")
    private UUID trustFrameworkId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> jurisdictions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> contexts;
    @Column(name = "accreditation_level")
    private String accreditationLevel;
    @Column(name = "valid_from")
    private Instant validFrom;
    @Column(name = "valid_until")
    private Instant validUntil;
    private String endpoint;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;
    private String status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected AccreditedEntityView() {
    }

    /** A new row: the entity as it was registered. */
    void registered(EntityRegistered event, long version) {
        this.id = event.entityId();
        this.did = event.did();
        this.registryId = event.registryId();
        this.createdBy = event.actor();
        this.createdAt = event.registeredAt();
        this.status = "PENDING";
        this.statusChangedAt = event.registeredAt();
        describe(event);
        touched(event.registeredAt(), version);
    }

    void update(EntityProfileUpdated event, long version) {
        describe(event);
        touched(event.updatedAt(), version);
    }

    void status(String status, String reason, Instant at, long version) {
        this.status = status;
        this.statusReason = reason;
        this.statusChangedAt = at;
        touched(at, version);
    }

    void renewedUntil(Instant validUntil) {
        this.validUntil = validUntil;
    }

    void touched(Instant at, long version) {
        this.updatedAt = at;
        this.version = version;
    }

    private void describe(EntityProfileEvent event) {
        this.name = event.name();
        this.trustFrameworkId = event.trustFrameworkId();
        this.jurisdictions = event.jurisdictions() == null ? List.of() : event.jurisdictions();
        this.contexts = event.contexts() == null ? List.of() : event.contexts();
        this.accreditationLevel = event.accreditationLevel();
        this.validFrom = event.validFrom();
        this.validUntil = event.validUntil();
        this.endpoint = event.endpoint();
        this.metadata = event.metadata() == null ? Map.of() : event.metadata();
    }

    public UUID getId() { return id; }
    public String getDid() { return did; }
    public String getName() { return name; }
    public UUID getRegistryId() { return registryId; }
    public UUID getTrustFrameworkId() { return trustFrameworkId; }
    public List<String> getJurisdictions() { return jurisdictions; }
    public List<String> getContexts() { return contexts; }
    public String getAccreditationLevel() { return accreditationLevel; }
    public Instant getValidFrom() { return validFrom; }
    public Instant getValidUntil() { return validUntil; }
    public String getEndpoint() { return endpoint; }
    public Map<String, Object> getMetadata() { return metadata; }
    public String getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getRevision() { return version; }
}
