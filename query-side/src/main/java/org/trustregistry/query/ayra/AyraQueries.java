package org.trustregistry.query.ayra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.query.trqp.AuthorityHistory;
import tools.jackson.databind.json.JsonMapper;
import org.trustregistry.shared.Timestamptz;

/**
 * The reads behind the Ayra TRQP profile: registries and schemas from the read tables, and everything
 * "at time T" from the recorded history ({@link AuthorityHistory}), never from today's rows.
 */
@Component
class AyraQueries {

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

    private static final int NAME_CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuthorityHistory history;

    AyraQueries(JdbcClient jdbc, JsonMapper json, AuthorityHistory history) {
        this.jdbc = jdbc;
        this.json = json;
        this.history = history;
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
        return history.read(view -> !view.entitiesOf(did).isEmpty())
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM did_directory WHERE did = ?)").param(did)
                        .query(Boolean.class).single();
    }

    /** Every registration of the DID as it stands now (the open period of each). */
    List<Registration> registrations(String did) {
        List<Registration> registrations = history.read(view -> {
            List<Registration> found = new ArrayList<>();
            for (AuthorityHistory.Entity entity : view.entitiesOf(did)) {
                AuthorityHistory.EntityPeriod current = view.current(entity);
                AuthorityHistory.RegistryPeriod registry = view.registryNow(entity.registryId());
                if (current != null && registry != null) {
                    found.add(new Registration(entity.id(), entity.type().name(), registry.ecosystemDid(),
                            current.status(), current.validFrom(), current.validUntil(),
                            view.typesNow(entity).stream().map(AuthorityHistory.TypePeriod::credentialType)
                                    .sorted(AuthorityHistory.CODE_POINTS).toList()));
                }
            }
            return found;
        });
        registrations.sort(Comparator.comparing(Registration::authorityId, AuthorityHistory.CODE_POINTS)
                .thenComparing(Registration::entityType));
        return registrations;
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
    List<Candidate> candidates(String did, Instant time) {
        Instant t = AuthorityHistory.micros(time);
        java.util.Set<Candidate> found = history.read(view -> {
            java.util.Set<Candidate> candidates = new java.util.HashSet<>();
            for (AuthorityHistory.Entity entity : view.entitiesOf(did)) {
                AuthorityHistory.RegistryPeriod registry = view.registryAt(entity.registryId(), t);
                if (registry == null || view.periodAt(entity, t) == null) {
                    continue;
                }
                String type = entity.type().name();
                for (AuthorityHistory.TypePeriod held : view.typesAt(entity, t)) {
                    candidates.add(new Candidate(did, registry.ecosystemDid(), type, held.credentialType()));
                }
                for (AuthorityHistory.DelegationPeriod delegation : view.delegationsTo(entity.id(), t)) {
                    for (String delegated : delegation.credentialTypes()) {
                        candidates.add(new Candidate(did, registry.ecosystemDid(), type, delegated));
                    }
                }
            }
            return candidates;
        });
        return found.stream().sorted(Comparator.comparing(Candidate::authorityId, AuthorityHistory.CODE_POINTS)
                .thenComparing(Candidate::entityType).thenComparing(Candidate::resource, AuthorityHistory.CODE_POINTS))
                .toList();
    }

    /**
     * The entities that stood in good standing at T in a registry ACTIVE at T, optionally of one registry and one
     * entity type, and (with a resource) holding it directly or by a delegation in force at T — candidates the
     * evaluator confirms when a resource is given.
     */
    List<Standing> standing(UUID registryId, String entityType, String resource, Instant time) {
        Instant t = AuthorityHistory.micros(time);
        record Found(UUID id, String did, String authorityId, String entityType) {
        }
        List<Found> found = history.read(view -> {
            List<Found> standing = new ArrayList<>();
            for (AuthorityHistory.Entity entity : view.entities()) {
                if ((registryId != null && !registryId.equals(entity.registryId()))
                        || (entityType != null && !entityType.equals(entity.type().name()))) {
                    continue;
                }
                AuthorityHistory.RegistryPeriod registry = view.registryAt(entity.registryId(), t);
                if (registry == null || !"ACTIVE".equals(registry.status()) || !view.standsAt(entity, t)) {
                    continue;
                }
                if (resource != null && !view.holdsAt(entity, resource, t) && view.delegationsTo(entity.id(), t)
                        .stream().noneMatch(d -> d.credentialTypes().contains(resource))) {
                    continue;
                }
                standing.add(new Found(entity.id(), entity.did(), registry.ecosystemDid(), entity.type().name()));
            }
            return standing;
        });
        Map<UUID, String> names = new java.util.HashMap<>();
        for (int from = 0; from < found.size(); from += NAME_CHUNK) {
            UUID[] ids = found.subList(from, Math.min(found.size(), from + NAME_CHUNK)).stream().map(Found::id)
                    .toArray(UUID[]::new);
            jdbc.sql("SELECT id, name FROM issuers WHERE id = ANY(:ids) UNION ALL "
                            + "SELECT id, name FROM verifiers WHERE id = ANY(:ids)")
                    .param("ids", ids).query((rs, row) -> names.put(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
        }
        return found.stream().map(f -> new Standing(f.did(), f.authorityId(), f.entityType(), names.get(f.id())))
                .distinct()
                .sorted(Comparator.comparing(Standing::did, AuthorityHistory.CODE_POINTS)
                        .thenComparing(Standing::authorityId, AuthorityHistory.CODE_POINTS)
                        .thenComparing(Standing::entityType)
                        .thenComparing(Standing::name, Comparator.nullsLast(AuthorityHistory.CODE_POINTS)))
                .toList();
    }

    /** The federation connections of a registry as they stood at T (any status: the evaluator decides). */
    List<Recognition> recognitionsAt(UUID registryId, Instant time) {
        Instant t = AuthorityHistory.micros(time);
        return history.read(view -> {
            List<AuthorityHistory.RecognitionPeriod> at = new ArrayList<>();
            for (List<AuthorityHistory.RecognitionPeriod> periods : view.connectionsOf(registryId)) {
                AuthorityHistory.RecognitionPeriod period = view.periodAt(periods, t);
                if (period != null) {
                    at.add(period);
                }
            }
            return at;
        }).stream()
                .sorted(Comparator.comparing(AuthorityHistory.RecognitionPeriod::remoteDid, AuthorityHistory.CODE_POINTS)
                        .thenComparing(AuthorityHistory.RecognitionPeriod::connectionId, AuthorityHistory.UUIDS))
                .map(p -> new Recognition(p.remoteDid(), p.scopes().stream()
                        .filter(scope -> scope.action() != null && scope.resource() != null)
                        .map(scope -> Map.of("action", scope.action(), "resource", scope.resource())).toList()))
                .toList();
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

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
