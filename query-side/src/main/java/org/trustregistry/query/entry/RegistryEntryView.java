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

/**
 * A row of registry_entries: one state of an issuer or verifier (id = the event it records), signed once read.
 * Immutable to Hibernate: a row is inserted once (its signature is added by {@link RegistryEntrySignatures}
 * in SQL), and without it the flush after the insert updated every new row again — the JSON payload's copy
 * taken at the insert (a {@code long} read back as an {@code Integer}) never equals the map it came from.
 */
@Entity
@Table(name = "registry_entries")
@org.hibernate.annotations.Immutable
public class RegistryEntryView {

    @Id
    private UUID id;
    @Column(name = "registry_id")
    private UUID registryId;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private UUID entityId;
    private String did;
    @Column(name = "entry_jws")
    private String entryJws;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> payload;
    private String kid;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;

    protected RegistryEntryView() {
    }

    RegistryEntryView(UUID id, UUID registryId, String entityType, UUID entityId, String did, String entryJws,
                      Map<String, Object> payload, String kid, long version, Instant createdAt) {
        this.id = id;
        this.registryId = registryId;
        this.entityType = entityType;
        this.entityId = entityId;
        this.did = did;
        this.entryJws = entryJws;
        this.payload = payload;
        this.kid = kid;
        this.version = version;
        this.createdAt = createdAt;
    }

    /** This entry with its compact JWS (a detached copy: the row is not changed through it). */
    RegistryEntryView withEntry(String jws) {
        return new RegistryEntryView(id, registryId, entityType, entityId, did, jws, payload, kid, version, createdAt);
    }

    public UUID getId() { return id; }
    public UUID getRegistryId() { return registryId; }
    public String getEntityType() { return entityType; }
    public UUID getEntityId() { return entityId; }
    public String getDid() { return did; }
    public String getEntry() { return entryJws; }
    public Map<String, Object> getPayload() { return payload; }
    public String getKid() { return kid; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
