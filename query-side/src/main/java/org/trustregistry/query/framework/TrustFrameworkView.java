package org.trustregistry.query.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of trust_frameworks, maintained by {@link TrustFrameworkProjection}. */
@Entity
@Table(name = "trust_frameworks")
public class TrustFrameworkView {

    @Id
    private UUID id;
    private String name;
    @Column(name = "framework_version")
    private String frameworkVersion;
    private String description;
    @Column(name = "governance_framework_url")
    private String governanceFrameworkUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_agreements")
    private List<String> legalAgreements;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> jurisdictions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> contexts;
    private String status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected TrustFrameworkView() {
    }

    TrustFrameworkView(UUID id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.status = "ACTIVE";
    }

    void describe(String name, String frameworkVersion, String description, String governanceFrameworkUrl,
                  List<String> legalAgreements, List<String> jurisdictions, List<String> contexts) {
        this.name = name;
        this.frameworkVersion = frameworkVersion;
        this.description = description;
        this.governanceFrameworkUrl = governanceFrameworkUrl;
        this.legalAgreements = legalAgreements;
        this.jurisdictions = jurisdictions;
        this.contexts = contexts;
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
    public String getVersion() { return frameworkVersion; }
    public String getDescription() { return description; }
    public String getGovernanceFrameworkUrl() { return governanceFrameworkUrl; }
    public List<String> getLegalAgreements() { return legalAgreements; }
    public List<String> getJurisdictions() { return jurisdictions; }
    public List<String> getContexts() { return contexts; }
    public String getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getRevision() { return version; }
}
