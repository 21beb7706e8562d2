package org.trustregistry.query.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.shared.RecognitionScope;

/** A row of federation_connections, maintained by {@link FederationConnectionProjection}. */
@Entity
@Table(name = "federation_connections")
public class FederationConnectionView {

    @Id
    private UUID id;
    @Column(name = "registry_id")
    private UUID registryId;
    @Column(name = "remote_registry_did")
    private String remoteRegistryDid;
    @Column(name = "remote_registry_name")
    private String remoteRegistryName;
    @Column(name = "remote_registry_endpoint")
    private String remoteRegistryEndpoint;
    @Column(name = "remote_registry_type")
    private String remoteRegistryType;
    @Column(name = "trust_level")
    private String trustLevel;
    @Column(name = "federation_agreement_url")
    private String federationAgreementUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<RecognitionScope> recognitions;
    @Column(name = "valid_from")
    private Instant validFrom;
    @Column(name = "valid_until")
    private Instant validUntil;
    private String status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected FederationConnectionView() {
    }

    FederationConnectionView(FederationConnectionEstablished event, long version) {
        this.id = event.connectionId();
        this.registryId = event.registryId();
        this.remoteRegistryDid = event.remoteRegistryDid();
        this.remoteRegistryName = event.remoteRegistryName();
        this.remoteRegistryEndpoint = event.remoteRegistryEndpoint();
        this.remoteRegistryType = event.remoteRegistryType().wireName();
        this.trustLevel = event.trustLevel();
        this.federationAgreementUrl = event.federationAgreementUrl();
        this.recognitions = List.copyOf(event.recognitions());
        this.validFrom = event.validFrom();
        this.validUntil = event.validUntil();
        this.status = event.status().name();
        this.createdAt = event.establishedAt();
        touched(event.establishedAt(), version);
    }

    void status(String status, String reason, Instant at, long version) {
        this.status = status;
        this.statusReason = reason;
        touched(at, version);
    }

    private void touched(Instant at, long version) {
        this.updatedAt = at;
        this.version = version;
    }

    public UUID getId() { return id; }
    public UUID getRegistryId() { return registryId; }
    public String getRemoteRegistryDid() { return remoteRegistryDid; }
    public String getRemoteRegistryName() { return remoteRegistryName; }
    public String getRemoteRegistryEndpoint() { return remoteRegistryEndpoint; }
    public String getRemoteRegistryType() { return remoteRegistryType; }
    public String getTrustLevel() { return trustLevel; }
    public String getFederationAgreementUrl() { return federationAgreementUrl; }
    public List<RecognitionScope> getRecognitions() { return recognitions; }
    public Instant getValidFrom() { return validFrom; }
    public Instant getValidUntil() { return validUntil; }
    public String getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getRevision() { return version; }
}
