package org.trustregistry.query.accreditation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;

/** A credential type an issuer or verifier is authorized for now (issuer_/verifier_credential_types). */
@MappedSuperclass
public abstract class CredentialTypeGrantView {

    /** The composite key: the entity and the schema. */
    public static class Key implements Serializable {
        private UUID entityId;
        private UUID schemaId;

        public Key() {
        }

        public Key(UUID entityId, UUID schemaId) {
            this.entityId = entityId;
            this.schemaId = schemaId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(entityId, k.entityId) && Objects.equals(schemaId, k.schemaId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entityId, schemaId);
        }
    }

    @Id
    private UUID entityId;
    @Id
    @Column(name = "schema_id")
    private UUID schemaId;
    @Column(name = "credential_type")
    private String credentialType;
    @Column(name = "authorized_at")
    private Instant authorizedAt;
    @Column(name = "authorized_by")
    private String authorizedBy;

    protected CredentialTypeGrantView() {
    }

    /** A new row: the grant as it was authorized. */
    void authorized(CredentialTypeAuthorized event) {
        this.entityId = event.entityId();
        this.schemaId = event.schemaId();
        this.credentialType = event.credentialType();
        this.authorizedAt = event.effectiveAt();
        this.authorizedBy = event.actor();
    }

    @JsonIgnore
    public UUID getEntityId() { return entityId; }
    public UUID getSchemaId() { return schemaId; }
    public String getCredentialType() { return credentialType; }
    public Instant getAuthorizedAt() { return authorizedAt; }
    public String getAuthorizedBy() { return authorizedBy; }
}
