package org.trustregistry.query.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of trust_registries, maintained by {@link TrustRegistryProjection}. */
@Entity
@Table(name = "trust_registries")
public class TrustRegistryView {

    @Id
    private UUID id;
    private String name;
    private String description;
    @Column(name = "ecosystem_did")
    private String ecosystemDid;
    @Column(name = "governance_authority")
    private String governanceAuthority;
    @Column(name = "trust_framework_id")
    private UUID trustFrameworkId;
    private String status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected TrustRegistryView() {
    }

    TrustRegistryView(UUID id, String ecosystemDid, String createdBy, Instant createdAt) {
        this.id = id;
        this.ecosystemDid = ecosystemDid;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void describe(String name, String description, String governanceAuthority) {
        this.name = name;
        this.description = description;
        this.governanceAuthority = governanceAuthority;
    }

    void linkFramework(UUID trustFrameworkId) {
        this.trustFrameworkId = trustFrameworkId;
    }

    void status(String status, String reason) {
        this.status = status;
        this.statusReason = reason;
    }

    void touched(Instant at, long version) {
        this.updatedAt = at;
        this.version = version;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getEcosystemDid() { return ecosystemDid; }
    public String getGovernanceAuthority() { return governanceAuthority; }
    public UUID getTrustFrameworkId() { return trustFrameworkId; }
    public String getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getRevision() { return version; }
}
