package org.trustregistry.query.schema;

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
import org.trustregistry.events.schema.CredentialSchemaRegistered;
import org.trustregistry.events.schema.CredentialSchemaUpdated;

/** A row of credential_schemas, maintained by {@link CredentialSchemaProjection}. */
@Entity
@Table(name = "credential_schemas")
public class CredentialSchemaView {

    @Id
    private UUID id;
    @Column(name = "registry_id")
    private UUID registryId;
    @Column(name = "trust_framework_id")
    private UUID trustFrameworkId;
    private String name;
    @Column(name = "schema_version")
    private String schemaVersion;
    private String type;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "json_schema")
    private Map<String, Object> jsonSchema;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> contexts;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> jurisdictions;
    @Column(name = "issuer_mode")
    private String issuerMode;
    @Column(name = "verifier_mode")
    private String verifierMode;
    private String status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected CredentialSchemaView() {
    }

    CredentialSchemaView(CredentialSchemaRegistered event, long version) {
        this.id = event.schemaId();
        this.registryId = event.registryId();
        this.type = event.type();
        this.createdAt = event.registeredAt();
        this.status = "ACTIVE";
        describe(event.trustFrameworkId(), event.name(), event.schemaVersion(), event.jsonSchema(), event.contexts(),
                event.jurisdictions(), event.issuerMode().name(), event.verifierMode().name());
        touched(event.registeredAt(), version);
    }

    void update(CredentialSchemaUpdated event, long version) {
        describe(event.trustFrameworkId(), event.name(), event.schemaVersion(), event.jsonSchema(), event.contexts(),
                event.jurisdictions(), event.issuerMode().name(), event.verifierMode().name());
        touched(event.updatedAt(), version);
    }

    void status(String status, String reason, Instant at, long version) {
        this.status = status;
        this.statusReason = reason;
        touched(at, version);
    }

    private void describe(UUID trustFrameworkId, String name, String schemaVersion, Map<String, Object> jsonSchema,
                          List<String> contexts, List<String> jurisdictions, String issuerMode, String verifierMode) {
        this.trustFrameworkId = trustFrameworkId;
        this.name = name;
        this.schemaVersion = schemaVersion;
        this.jsonSchema = jsonSchema;
        this.contexts = contexts;
        this.jurisdictions = jurisdictions;
        this.issuerMode = issuerMode;
        this.verifierMode = verifierMode;
    }

    private void touched(Instant at, long version) {
        this.updatedAt = at;
        this.version = version;
    }

    public UUID getId() { return id; }
    public UUID getRegistryId() { return registryId; }
    public UUID getTrustFrameworkId() { return trustFrameworkId; }
    public String getName() { return name; }
    public String getVersion() { return schemaVersion; }
    public String getType() { return type; }
    public Map<String, Object> getJsonSchema() { return jsonSchema; }
    public List<String> getContexts() { return contexts; }
    public List<String> getJurisdictions() { return jurisdictions; }
    public String getIssuerMode() { return issuerMode; }
    public String getVerifierMode() { return verifierMode; }
    public String getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getRevision() { return version; }
}
