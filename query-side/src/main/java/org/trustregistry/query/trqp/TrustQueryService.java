package org.trustregistry.query.trqp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.EntityType;

/**
 * The trust query of the original system (POST /v2/query): which issuers or verifiers match a set of
 * filters and were in good standing at {@code validAt}. Standing — registry active, entity ACTIVE inside
 * its window, the credential type held (directly, or for issuers by delegation) — is read from the
 * recorded history at {@code validAt}; the descriptive filters (trust framework, jurisdiction,
 * accreditation level) match the entity's profile as it is now.
 */
@Component
public class TrustQueryService {

    /** A trust query; every filter is optional. */
    public record TrustQuery(EntityType entityType, String did, String credentialType, UUID registryId,
                             UUID trustFrameworkId, String jurisdiction, String accreditationLevel, Instant validAt) {
    }

    /** An entity in good standing at the time asked. */
    public record Match(String entityType, UUID entityId, String did, String name, UUID registryId,
                        String ecosystemDid, String status, Instant validFrom, Instant validUntil) {
    }

    static final int MAX_MATCHES = 1000;

    private static final int PROFILE_CHUNK = 500;

    private final JdbcClient jdbc;
    private final AuthorityHistory history;
    private final TrqpEvaluator evaluator;

    TrustQueryService(JdbcClient jdbc, AuthorityHistory history, TrqpEvaluator evaluator) {
        this.jdbc = jdbc;
        this.history = history;
        this.evaluator = evaluator;
    }

    public List<Match> find(TrustQuery query) {
        List<Match> matches = new ArrayList<>();
        for (EntityType type : query.entityType() == null ? List.of(EntityType.values()) : List.of(query.entityType())) {
            matches.addAll(find(query, type));
        }
        return matches;
    }

    private List<Match> find(TrustQuery query, EntityType type) {
        Instant t = AuthorityHistory.micros(query.validAt());
        // standing at T from the history; the profile (name and the descriptive filters) from the read table
        List<Match> standing = history.read(view -> {
            List<Match> found = new ArrayList<>();
            Iterable<AuthorityHistory.Entity> candidates = query.did() != null ? view.entitiesOf(query.did())
                    : view.entities();
            for (AuthorityHistory.Entity entity : candidates) {
                if (entity.type() != type || (query.registryId() != null
                        && !query.registryId().equals(entity.registryId()))) {
                    continue;
                }
                AuthorityHistory.RegistryPeriod registry = view.registryAt(entity.registryId(), t);
                AuthorityHistory.EntityPeriod period = view.standingAt(entity, t);
                if (registry == null || !"ACTIVE".equals(registry.status()) || period == null) {
                    continue;
                }
                if (query.credentialType() != null && !evaluator.holdsAt(view, entity, query.credentialType(), t)) {
                    continue;
                }
                found.add(new Match(type.name(), entity.id(), entity.did(), null, entity.registryId(),
                        registry.ecosystemDid(), period.status(), period.validFrom(), period.validUntil()));
            }
            return found;
        });
        standing.sort(Comparator.comparing(Match::did, AuthorityHistory.CODE_POINTS)
                .thenComparing(Match::entityId, AuthorityHistory.UUIDS));
        return withProfiles(standing, query, type);
    }

    /** The matches whose profile passes the descriptive filters, with their names, in order, at most MAX_MATCHES. */
    private List<Match> withProfiles(List<Match> standing, TrustQuery query, EntityType type) {
        String profile = type == EntityType.ISSUER ? "issuers" : "verifiers";
        StringBuilder sql = new StringBuilder("SELECT id, name FROM " + profile + " WHERE id = ANY(:ids) ");
        if (query.trustFrameworkId() != null) {
            sql.append("AND trust_framework_id = :framework ");
        }
        if (query.jurisdiction() != null) {
            sql.append("AND CAST(:jurisdiction AS varchar) = ANY(jurisdictions) ");
        }
        if (query.accreditationLevel() != null) {
            sql.append("AND accreditation_level = :level ");
        }
        List<Match> matches = new ArrayList<>();
        for (int from = 0; from < standing.size() && matches.size() < MAX_MATCHES; from += PROFILE_CHUNK) {
            List<Match> chunk = standing.subList(from, Math.min(standing.size(), from + PROFILE_CHUNK));
            var statement = jdbc.sql(sql.toString())
                    .param("ids", chunk.stream().map(Match::entityId).toArray(UUID[]::new));
            if (query.trustFrameworkId() != null) {
                statement = statement.param("framework", query.trustFrameworkId());
            }
            if (query.jurisdiction() != null) {
                statement = statement.param("jurisdiction", query.jurisdiction());
            }
            if (query.accreditationLevel() != null) {
                statement = statement.param("level", query.accreditationLevel());
            }
            Map<UUID, String> names = new HashMap<>();
            statement.query((rs, row) -> names.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
            for (Match m : chunk) {
                if (names.containsKey(m.entityId()) && matches.size() < MAX_MATCHES) {
                    matches.add(new Match(m.entityType(), m.entityId(), m.did(), names.get(m.entityId()),
                            m.registryId(), m.ecosystemDid(), m.status(), m.validFrom(), m.validUntil()));
                }
            }
        }
        return matches;
    }

}
