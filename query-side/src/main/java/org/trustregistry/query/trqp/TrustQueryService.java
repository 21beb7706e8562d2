package org.trustregistry.query.trqp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.Timestamptz;
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

    private final JdbcClient jdbc;
    private final TrqpEvaluator evaluator;

    TrustQueryService(JdbcClient jdbc, TrqpEvaluator evaluator) {
        this.jdbc = jdbc;
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
        String profile = type == EntityType.ISSUER ? "issuers" : "verifiers";
        StringBuilder sql = new StringBuilder("SELECT p.entity_id, p.did, x.name, p.registry_id, r.ecosystem_did, "
                + "p.status, p.valid_from, p.valid_until FROM entity_periods p "
                + "JOIN registry_periods r ON r.registry_id = p.registry_id AND r.status = 'ACTIVE' "
                + "AND r.period_start <= :t AND (r.period_end IS NULL OR r.period_end > :t) "
                + "JOIN " + profile + " x ON x.id = p.entity_id "
                + "WHERE p.entity_type = :type AND p.status = 'ACTIVE' "
                + "AND p.period_start <= :t AND (p.period_end IS NULL OR p.period_end > :t) "
                + "AND (p.valid_from IS NULL OR p.valid_from <= :t) AND (p.valid_until IS NULL OR p.valid_until > :t) ");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("t", Timestamptz.of(query.validAt()),
                "type", type.name()));
        if (query.did() != null) {
            sql.append("AND p.did = :did ");
            params.put("did", query.did());
        }
        if (query.registryId() != null) {
            sql.append("AND p.registry_id = :registry ");
            params.put("registry", query.registryId());
        }
        if (query.trustFrameworkId() != null) {
            sql.append("AND x.trust_framework_id = :framework ");
            params.put("framework", query.trustFrameworkId());
        }
        if (query.jurisdiction() != null) {
            sql.append("AND CAST(:jurisdiction AS varchar) = ANY(x.jurisdictions) ");
            params.put("jurisdiction", query.jurisdiction());
        }
        if (query.accreditationLevel() != null) {
            sql.append("AND x.accreditation_level = :level ");
            params.put("level", query.accreditationLevel());
        }
        sql.append("ORDER BY p.did, p.entity_id LIMIT ").append(MAX_MATCHES);
        var statement = jdbc.sql(sql.toString());
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        List<Match> candidates = statement.query((rs, row) -> new Match(type.name(), rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                Timestamptz.read(rs, 7), Timestamptz.read(rs, 8))).list();
        if (query.credentialType() == null) {
            return candidates;
        }
        return candidates.stream().filter(m -> evaluator.holdsDirectly(m.entityId(), query.credentialType(),
                query.validAt()) || (type == EntityType.ISSUER
                && evaluator.holdsByDelegation(m.entityId(), query.credentialType(), query.validAt()))).toList();
    }

}
