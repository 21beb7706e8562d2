package org.trustregistry.query.entry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of registry_signing_keys: one public key of a registry and when it was in use. */
@Entity
@Table(name = "registry_signing_keys")
public class RegistrySigningKeyView {

    @Id
    private String kid;
    @Column(name = "registry_id")
    private UUID registryId;
    @Column(name = "ecosystem_did")
    private String ecosystemDid;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_jwk")
    private Map<String, Object> publicJwk;
    @Column(name = "active_from")
    private Instant activeFrom;
    @Column(name = "replaced_at")
    private Instant replacedAt;

    protected RegistrySigningKeyView() {
    }

    RegistrySigningKeyView(String kid, UUID registryId, String ecosystemDid, Map<String, Object> publicJwk,
                           Instant activeFrom) {
        this.kid = kid;
        this.registryId = registryId;
        this.ecosystemDid = ecosystemDid;
        this.publicJwk = publicJwk;
        this.activeFrom = activeFrom;
    }

    void replacedAt(Instant at) {
        this.replacedAt = at;
    }

    public String getKid() { return kid; }
    public UUID getRegistryId() { return registryId; }
    public String getEcosystemDid() { return ecosystemDid; }
    public Map<String, Object> getPublicJwk() { return publicJwk; }
    public Instant getActiveFrom() { return activeFrom; }
    public Instant getReplacedAt() { return replacedAt; }
}
