package org.trustregistry.query.delegation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.trustregistry.events.delegation.DelegationGranted;
import org.trustregistry.shared.CredentialTypeRef;

/** A row of issuer_delegations, maintained by {@link IssuerDelegationProjection}. */
@Entity
@Table(name = "issuer_delegations")
public class IssuerDelegationView {

    @Id
    private UUID id;
    @Column(name = "registry_id")
    private UUID registryId;
    @Column(name = "delegator_issuer_id")
    private UUID delegatorIssuerId;
    @Column(name = "delegator_did")
    private String delegatorDid;
    @Column(name = "delegate_issuer_id")
    private UUID delegateIssuerId;
    @Column(name = "delegate_did")
    private String delegateDid;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "schema_ids")
    private List<UUID> schemaIds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "credential_types")
    private List<String> credentialTypes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> jurisdictions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> contexts;
    @Column(name = "valid_from")
    private Instant validFrom;
    @Column(name = "valid_until")
    private Instant validUntil;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> proof;
    private int depth;
    private String status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected IssuerDelegationView() {
    }

    IssuerDelegationView(DelegationGranted event, long version) {
        this.id = event.delegationId();
        this.registryId = event.registryId();
        this.delegatorIssuerId = event.delegatorIssuerId();
        this.delegatorDid = event.delegatorDid();
        this.delegateIssuerId = event.delegateIssuerId();
        this.delegateDid = event.delegateDid();
        this.schemaIds = event.credentialTypes().stream().map(CredentialTypeRef::schemaId).toList();
        this.credentialTypes = event.credentialTypes().stream().map(CredentialTypeRef::credentialType).toList();
        this.jurisdictions = event.jurisdictions();
        this.contexts = event.contexts();
        this.validFrom = event.validFrom();
        this.validUntil = event.validUntil();
        this.proof = event.proof();
        this.depth = event.depth();
        this.status = "ACTIVE";
        this.createdBy = event.actor();
        this.createdAt = event.grantedAt();
        this.updatedAt = event.grantedAt();
        this.version = version;
    }

    void end(String status, String reason, Instant at, long version) {
        this.status = status;
        this.statusReason = reason;
        this.endedAt = at;
        this.updatedAt = at;
        this.version = version;
    }

    public UUID getId() { return id; }
    public UUID getRegistryId() { return registryId; }
    public UUID getDelegatorIssuerId() { return delegatorIssuerId; }
    public String getDelegatorDid() { return delegatorDid; }
    public UUID getDelegateIssuerId() { return delegateIssuerId; }
    public String getDelegateDid() { return delegateDid; }
    public List<UUID> getSchemaIds() { return schemaIds; }
    public List<String> getCredentialTypes() { return credentialTypes; }
    public List<String> getJurisdictions() { return jurisdictions; }
    public List<String> getContexts() { return contexts; }
    public Instant getValidFrom() { return validFrom; }
    public Instant getValidUntil() { return validUntil; }
    public Map<String, Object> getProof() { return proof; }
    public int getDepth() { return depth; }
    public String getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getEndedAt() { return endedAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getRevision() { return version; }
}
