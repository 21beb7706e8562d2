package org.trustregistry.query.trqp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.Timestamptz;
import org.trustregistry.shared.EntityType;
import tools.jackson.databind.json.JsonMapper;

/**
 * TRQP v2 semantics (DESIGN.md §6) over the recorded history ({@link AuthorityHistoryProjection}):
 * an answer for time T is what the history says held at T, never today's rows.
 */
@Component
public class TrqpEvaluator {

    /** The outcome of a query: unknown authority (a 404), or an answer with its reason. */
    public record Outcome(boolean authorityKnown, boolean granted, String message) {
    }

    private static final String AT = " period_start <= :t AND (period_end IS NULL OR period_end > :t) ";
    private static final String IN_WINDOW = " (valid_from IS NULL OR valid_from <= :t) "
            + "AND (valid_until IS NULL OR valid_until > :t) ";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final int maxChain;

    TrqpEvaluator(JdbcClient jdbc, JsonMapper json,
                  @Value("${trust-registry.delegation.max-depth:3}") int maxDepth) {
        this.jdbc = jdbc;
        this.json = json;
        // a chain may have been longer under an earlier configuration; bound the walk all the same
        this.maxChain = Math.max(maxDepth, 1) + 2;
    }

    public Outcome authorization(String authorityDid, String entityDid, String action, String resource, Instant t) {
        String denied = "Not authorized: " + entityDid + " is not authorized to " + action + " " + resource
                + " under " + authorityDid + " at " + t;
        EntityType type = switch (action) {
            case "issue" -> EntityType.ISSUER;
            case "verify" -> EntityType.VERIFIER;
            default -> null;
        };
        if (type == null) {
            return registry(authorityDid).isEmpty() ? new Outcome(false, false, "unknown authority " + authorityDid)
                    : new Outcome(true, false, denied + " (the action must be issue or verify)");
        }
        Standing standing = standing(authorityDid, entityDid, type, resource, t);
        if (!standing.authorityKnown()) {
            return new Outcome(false, false, "unknown authority " + authorityDid);
        }
        if (!standing.registryActive()) {
            return new Outcome(true, false, "Not authorized: the authority " + authorityDid + " was not active at " + t);
        }
        boolean granted = standing.holdsDirectly();
        if (!granted && type == EntityType.ISSUER) {
            for (UUID entity : standing.entities()) {
                if (holdsByDelegation(entity, resource, t)) {
                    granted = true;
                    break;
                }
            }
        }
        if (granted) {
            return new Outcome(true, true, "Authorized: " + entityDid + " may " + action + " " + resource
                    + " under " + authorityDid + " at " + t);
        }
        // the same words whether the entity is unknown or not authorized: no enumeration of members
        return new Outcome(true, false, denied);
    }

    /** The registry of an ecosystem DID (the authority), as the history knows it. */
    private static final String AUTHORITY = "WITH reg AS (SELECT registry_id FROM registry_periods "
            + "WHERE ecosystem_did = :a LIMIT 1) ";
    private static final String REGISTRY_ACTIVE = "EXISTS (SELECT 1 FROM registry_periods WHERE registry_id = "
            + "(SELECT registry_id FROM reg) AND status = 'ACTIVE' AND" + AT + ")";

    /**
     * What one statement says at T: whether the authority is known and its registry was active, which of the
     * entity's records (by DID and type) stood in good standing (ACTIVE, inside their windows), and whether
     * one of them held the type itself. A TRQP answer costs one round trip; only a delegation chain needs more.
     */
    private record Standing(boolean authorityKnown, boolean registryActive, List<UUID> entities,
                            boolean holdsDirectly) {
    }

    private Standing standing(String authorityDid, String did, EntityType type, String resource, Instant t) {
        return jdbc.sql(AUTHORITY + ", standing AS (SELECT entity_id FROM entity_periods "
                        + "WHERE registry_id = (SELECT registry_id FROM reg) AND did = :did "
                        + "AND entity_type = :type AND status = 'ACTIVE' AND" + AT + "AND" + IN_WINDOW + ") "
                        + "SELECT EXISTS (SELECT 1 FROM reg), " + REGISTRY_ACTIVE + ", "
                        + "ARRAY(SELECT entity_id FROM standing), "
                        + "EXISTS (SELECT 1 FROM standing s JOIN credential_type_periods ct ON ct.entity_id = s.entity_id "
                        + "AND ct.credential_type = :res AND ct.period_start <= :t "
                        + "AND (ct.period_end IS NULL OR ct.period_end > :t))")
                .param("a", authorityDid).param("did", did).param("type", type.name()).param("res", resource)
                .param("t", ts(t))
                .query((rs, row) -> new Standing(rs.getBoolean(1), rs.getBoolean(2),
                        List.of((UUID[]) rs.getArray(3).getArray()), rs.getBoolean(4)))
                .single();
    }

    public Outcome recognition(String authorityDid, String entityDid, String action, String resource, Instant t) {
        String denied = "Not recognized: " + authorityDid + " does not recognize " + entityDid + " to " + action
                + " " + resource + " at " + t;
        String scope = json.writeValueAsString(List.of(java.util.Map.of("action", action, "resource", resource)));
        boolean[] answer = jdbc.sql(AUTHORITY + "SELECT EXISTS (SELECT 1 FROM reg), " + REGISTRY_ACTIVE + ", "
                        + "EXISTS (SELECT 1 FROM recognition_periods WHERE registry_id = (SELECT registry_id FROM reg) "
                        + "AND remote_did = :did AND status = 'ACTIVE' AND" + AT + "AND" + IN_WINDOW
                        + "AND recognitions @> CAST(:scope AS jsonb))")
                .param("a", authorityDid).param("did", entityDid).param("t", ts(t)).param("scope", scope)
                .query((rs, row) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)})
                .single();
        if (!answer[0]) {
            return new Outcome(false, false, "unknown authority " + authorityDid);
        }
        if (!answer[1]) {
            return new Outcome(true, false, "Not recognized: the authority " + authorityDid + " was not active at " + t);
        }
        return answer[2]
                ? new Outcome(true, true, "Recognized: " + authorityDid + " recognizes " + entityDid + " to " + action
                        + " " + resource + " at " + t)
                : new Outcome(true, false, denied);
    }

    private Optional<UUID> registry(String ecosystemDid) {
        return jdbc.sql("SELECT registry_id FROM registry_periods WHERE ecosystem_did = ? LIMIT 1")
                .param(ecosystemDid).query(UUID.class).optional();
    }

    boolean holdsDirectly(UUID entity, String resource, Instant t) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM credential_type_periods WHERE entity_id = :e "
                        + "AND credential_type = :res AND" + AT + ")")
                .param("e", entity).param("res", resource).param("t", ts(t)).query(Boolean.class).single();
    }

    /**
     * Through a chain of delegations every link of which was valid at T: each delegation in force and
     * inside its window, each delegator ACTIVE and inside its own window, and the chain's root holding
     * the type itself at T.
     */
    boolean holdsByDelegation(UUID entity, String resource, Instant t) {
        String link = "FROM delegation_periods d JOIN entity_periods e ON e.entity_id = d.delegator_id "
                + "AND e.status = 'ACTIVE' AND e.period_start <= :t AND (e.period_end IS NULL OR e.period_end > :t) "
                + "AND (e.valid_from IS NULL OR e.valid_from <= :t) AND (e.valid_until IS NULL OR e.valid_until > :t) "
                + "WHERE :res = ANY(d.credential_types) AND d.period_start <= :t "
                + "AND (d.period_end IS NULL OR d.period_end > :t) "
                + "AND (d.valid_from IS NULL OR d.valid_from <= :t) AND (d.valid_until IS NULL OR d.valid_until > :t) ";
        return jdbc.sql("WITH RECURSIVE chain(issuer, depth) AS ("
                        + " SELECT d.delegator_id, 1 " + link + "AND d.delegate_id = :e"
                        + " UNION SELECT d.delegator_id, c.depth + 1 " + link.replace("WHERE", ", chain c WHERE")
                        + "AND d.delegate_id = c.issuer AND c.depth < :max)"
                        + " SELECT EXISTS (SELECT 1 FROM chain c JOIN credential_type_periods ct ON ct.entity_id = c.issuer"
                        + " AND ct.credential_type = :res AND ct.period_start <= :t"
                        + " AND (ct.period_end IS NULL OR ct.period_end > :t))")
                .param("e", entity).param("res", resource).param("t", ts(t)).param("max", maxChain)
                .query(Boolean.class).single();
    }

    private static OffsetDateTime ts(Instant instant) {
        return Timestamptz.of(instant);
    }
}
