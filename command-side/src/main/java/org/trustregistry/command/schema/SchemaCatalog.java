package org.trustregistry.command.schema;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.SchemaStatus;

/**
 * The command side's own table of credential schemas (schema_catalog): what a command needs to know
 * to check a reference to a schema. Written in the transaction that appends the schema's events.
 */
@Component
public class SchemaCatalog {

    /** A schema as other aggregates' rules see it. */
    public record Entry(UUID schemaId, UUID registryId, String credentialType, SchemaStatus status) {
    }

    private final JdbcClient jdbc;

    SchemaCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID schemaId, UUID registryId, String credentialType) {
        jdbc.sql("INSERT INTO schema_catalog (schema_id, registry_id, credential_type, status) VALUES (?, ?, ?, ?)")
                .params(schemaId, registryId, credentialType, SchemaStatus.ACTIVE.name())
                .update();
    }

    void updateStatus(UUID schemaId, SchemaStatus status) {
        jdbc.sql("UPDATE schema_catalog SET status = ? WHERE schema_id = ?").params(status.name(), schemaId).update();
    }

    public Optional<Entry> find(UUID schemaId) {
        return jdbc.sql("SELECT schema_id, registry_id, credential_type, status FROM schema_catalog WHERE schema_id = ?")
                .param(schemaId)
                .query((rs, row) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), SchemaStatus.valueOf(rs.getString(4))))
                .optional();
    }
}
