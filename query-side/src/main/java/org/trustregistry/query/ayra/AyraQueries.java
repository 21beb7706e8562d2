package org.trustregistry.query.ayra;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.trustregistry.shared.Timestamptz;

/**
 * The reads behind the Ayra TRQP profile: registries and schemas from the read tables, and everything
 * "at time T" from the recorded history tables (V10), never from today's rows.
 */
@Component
class AyraQueries {

    private static final String AT = " period_start <= :t AND (period_end IS NULL OR period_end > :t) ";

    /** A registry as the read side has it now. */
    record Registry(UUID id, String ecosystemDid, String name, String description, String governanceAuthority,
                    UUID trustFrameworkId, String status) {
    }

    /** A registration of a DID, as issuer or verifier, in one registry, as it stands now. */
    record Registration(UUID entityId, String entityType, String authorityId, String status, Instant validFrom,
                        Instant validUntil, List<String> credentialTypes) {
    }

    /** A candidate authorization at T, to be confirmed by the TRQP evaluator. */
    record Candidate(String did, String authorityId, String entityType, String resource) {
    }

    /** An entity standing in a registry at T. */
    record Standing(String did, String authorityId, String entityType, String name) {
    }

    /** A federation connection's scopes at T. */
    record Recognition(String remoteDid, List<Map<String, String>> scopes) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AyraQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static final String REGISTRY = "SELECT id, ecosystem_did, name, description, governance_authority, "
            + "trust_framework_id, status FROM trust_registries ";

    private Registry registry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Registry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7));
    }

    Optional<Registry> registry(String ecosystemDid) {
        return jdbc.sql(REGISTRY + "WHERE ecosystem_did = ?").param(ecosystemDid)
                .query((rs, row) -> registry(rs)).optional();
    }

    /** The registries the service serves (not retired), newest first, at most {@code limit} of them. */
    record ServedRegistries(List<ServiceMetadata.Served> first, long total) {
    }

    ServedRegistries servedRegistries(int limit) {
        record Row(ServiceMetadata.Served registry, long total) {
        }
        List<Row> rows = jdbc.sql("SELECT ecosystem_did, name, status, count(*) OVER () FROM trust_registries "
                        + "WHERE status <> 'RETIRED' ORDER BY created_at DESC, ecosystem_did LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new Row(new ServiceMetadata.Served(rs.getString(1), rs.getString(2),
                        rs.getString(3)), rs.getLong(4)))
                .list();
        return new ServedRegistries(rows.stream().map(Row::registry).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
    }

    Optional<String> frameworkName(UUID frameworkId) {
        return jdbc.sql("SELECT name FROM trust_frameworks WHERE id = ?").param(frameworkId).query(String.class)
                .optional();
    }

    /** The DID methods of the DIDs registered in a registry (null: of every DID the directory knows). */
    List<String> didMethods(UUID registryId) {
        if (registryId == null) {
            return jdbc.sql("SELECT DISTINCT did_method FROM did_directory ORDER BY did_method").query(String.class)
                    .list();
        }
        return jdbc.sql("SELECT DISTINCT d.did_method FROM did_directory d WHERE d.did IN "
                        + "(SELECT did FROM entity_periods WHERE registry_id = :r) "
                        + "OR d.did = (SELECT ecosystem_did FROM trust_registries WHERE id = :r) ORDER BY d.did_method")
                .param("r", registryId).query(String.class).list();
    }

    /** The ACTIVE credential schemas (type, name, version) of a registry, or of all (null). */
    List<Map<String, String>> activeSchemas(UUID registryId) {
        String sql = "SELECT DISTINCT type, name, schema_version FROM credential_schemas WHERE status = 'ACTIVE' "
                + (registryId == null ? "" : "AND registry_id = :r ") + "ORDER BY type, name, schema_version";
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (registryId != null) {
            spec = spec.param("r", registryId);
        }
        return spec.query((rs, row) -> {
            Map<String, String> schema = new LinkedHashMap<>();
            schema.put("type", rs.getString(1));
            schema.put("name", rs.getString(2));
            schema.put("version", rs.getString(3));
            return schema;
        }).list();
    }

    boolean knownDid(String did) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM entity_periods WHERE did = :d) "
                        + "OR EXISTS (SELECT 1 FROM did_directory WHERE did = :d)")
                .param("d", did).query(Boolean.class).single();
    }

    /** Every registration of the DID as it stands now (the open period of each). */
    List<Registration> registrations(String did) {
        return jdbc.sql("SELECT e.entity_id, e.entity_type, r.ecosystem_did, e.status, e.valid_from, e.valid_until, "
                        + "ARRAY(SELECT ct.credential_type FROM credential_type_periods ct WHERE ct.entity_id = e.entity_id "
                        + "AND ct.period_end IS NULL ORDER BY ct.credential_type) "
                        + "FROM entity_periods e JOIN trust_registries r ON r.id = e.registry_id "
                        + "WHERE e.did = :d AND e.period_end IS NULL ORDER BY r.ecosystem_did, e.entity_type")
                .param("d", did)
                .query((rs, row) -> new Registration(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), Timestamptz.read(rs, 5), Timestamptz.read(rs, 6),
                        List.of((String[]) rs.getArray(7).getArray())))
                .list();
    }

    Optional<Map<String, Object>> directoryEntry(String did) {
        return jdbc.sql("SELECT did_method, roles, service_type, service_endpoint, metadata, resolved_at, "
                        + "first_seen_at FROM did_directory WHERE did = ?")
                .param(did)
                .query((rs, row) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("did_method", rs.getString(1));
                    entry.put("roles", List.of((String[]) rs.getArray(2).getArray()));
                    entry.put("service_type", rs.getString(3));
                    entry.put("service_endpoint", rs.getString(4));
                    entry.put("metadata", json.readTree(rs.getString(5)));
                    entry.put("resolved_at", text(Timestamptz.read(rs, 6)));
                    entry.put("first_seen_at", text(Timestamptz.read(rs, 7)));
                    return entry;
                })
                .optional();
    }

    /**
     * What the DID may have been authorized for at T: the types its registrations held at T and the
     * types delegated to it by delegations in force at T. Only candidates: the evaluator decides.
     */
    List<Candidate> candidates(String did, Instant t) {
        return jdbc.sql("SELECT DISTINCT e.did, r.ecosystem_did, e.entity_type, ct.credential_type "
                        + "FROM entity_periods e JOIN registry_periods r ON r.registry_id = e.registry_id "
                        + "AND r.period_start <= :t AND (r.period_end IS NULL OR r.period_end > :t) "
                        + "JOIN credential_type_periods ct ON ct.entity_id = e.entity_id "
                        + "AND ct.period_start <= :t AND (ct.period_end IS NULL OR ct.period_end > :t) "
                        + "WHERE e.did = :d AND e.period_start <= :t AND (e.period_end IS NULL OR e.period_end > :t) "
                        + "UNION SELECT DISTINCT e.did, r.ecosystem_did, e.entity_type, unnest(dp.credential_types) "
                        + "FROM entity_periods e JOIN registry_periods r ON r.registry_id = e.registry_id "
                        + "AND r.period_start <= :t AND (r.period_end IS NULL OR r.period_end > :t) "
                        + "JOIN delegation_periods dp ON dp.delegate_id = e.entity_id "
                        + "AND dp.period_start <= :t AND (dp.period_end IS NULL OR dp.period_end > :t) "
                        + "WHERE e.did = :d AND e.period_start <= :t AND (e.period_end IS NULL OR e.period_end > :t) "
                        + "ORDER BY 2, 3, 4")
                .param("d", did).param("t", Timestamptz.of(t))
                .query((rs, row) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * The entities that stood ACTIVE and inside their window at T in a registry ACTIVE at T, optionally
     * of one registry and one entity type, and (with a resource) holding it directly or by a delegation
     * in force at T — candidates the evaluator confirms when a resource is given.
     */
    List<Standing> standing(UUID registryId, String entityType, String resource, Instant t) {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT e.did, r.ecosystem_did, e.entity_type, "
                + "COALESCE(i.name, v.name) FROM entity_periods e "
                + "JOIN registry_periods r ON r.registry_id = e.registry_id AND r.status = 'ACTIVE' "
                + "AND r.period_start <= :t AND (r.period_end IS NULL OR r.period_end > :t) "
                + "LEFT JOIN issuers i ON i.id = e.entity_id LEFT JOIN verifiers v ON v.id = e.entity_id "
                + "WHERE e.status = 'ACTIVE' AND e.period_start <= :t AND (e.period_end IS NULL OR e.period_end > :t) "
                + "AND (e.valid_from IS NULL OR e.valid_from <= :t) AND (e.valid_until IS NULL OR e.valid_until > :t) ");
        if (registryId != null) {
            sql.append("AND e.registry_id = :reg ");
        }
        if (entityType != null) {
            sql.append("AND e.entity_type = :type ");
        }
        if (resource != null) {
            sql.append("AND (EXISTS (SELECT 1 FROM credential_type_periods ct WHERE ct.entity_id = e.entity_id "
                    + "AND ct.credential_type = :res AND ct.period_start <= :t "
                    + "AND (ct.period_end IS NULL OR ct.period_end > :t)) "
                    + "OR EXISTS (SELECT 1 FROM delegation_periods dp WHERE dp.delegate_id = e.entity_id "
                    + "AND :res = ANY(dp.credential_types) AND dp.period_start <= :t "
                    + "AND (dp.period_end IS NULL OR dp.period_end > :t))) ");
        }
        sql.append("ORDER BY 1, 2, 3");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("t", Timestamptz.of(t));
        if (registryId != null) {
            spec = spec.param("reg", registryId);
        }
        if (entityType != null) {
            spec = spec.param("type", entityType);
        }
        if (resource != null) {
            spec = spec.param("res", resource);
        }
        return spec.query((rs, row) -> new Standing(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4))).list();
    }

    /** The federation connections of a registry as they stood at T (any status: the evaluator decides). */
    List<Recognition> recognitionsAt(UUID registryId, Instant t) {
        return jdbc.sql("SELECT remote_did, recognitions FROM recognition_periods WHERE registry_id = :r AND" + AT
                        + "ORDER BY remote_did, connection_id")
                .param("r", registryId).param("t", Timestamptz.of(t))
                .query((rs, row) -> new Recognition(rs.getString(1), scopes(json.readTree(rs.getString(2)))))
                .list();
    }

    /** The federation connections of a registry now (read table). */
    List<Map<String, Object>> connections(UUID registryId) {
        return jdbc.sql("SELECT remote_registry_did, remote_registry_name, remote_registry_type, trust_level, status, "
                        + "recognitions FROM federation_connections WHERE registry_id = ? ORDER BY remote_registry_did")
                .param(registryId)
                .query((rs, row) -> {
                    Map<String, Object> connection = new LinkedHashMap<>();
                    connection.put("ecosystem_id", rs.getString(1));
                    connection.put("name", rs.getString(2));
                    connection.put("type", rs.getString(3));
                    connection.put("trust_level", rs.getString(4));
                    connection.put("status", rs.getString(5));
                    connection.put("recognitions", json.readTree(rs.getString(6)));
                    return connection;
                })
                .list();
    }

    private static List<Map<String, String>> scopes(JsonNode recognitions) {
        List<Map<String, String>> scopes = new java.util.ArrayList<>();
        if (recognitions != null && recognitions.isArray()) {
            for (JsonNode scope : recognitions) {
                JsonNode action = scope.get("action");
                JsonNode resource = scope.get("resource");
                if (action != null && action.isString() && resource != null && resource.isString()) {
                    scopes.add(Map.of("action", action.asString(), "resource", resource.asString()));
                }
            }
        }
        return scopes;
    }


    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
