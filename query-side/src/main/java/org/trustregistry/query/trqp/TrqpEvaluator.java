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
        Optional<UUID> registry = registry(authorityDid);
        if (registry.isEmpty()) {
            return new Outcome(false, false, "unknown authority " + authorityDid);
        }
        String denied = "Not authorized: " + entityDid + " is not authorized to " + action + " " + resource
                + " under " + authorityDid + " at " + t;
        EntityType type = switch (action) {
            case "issue" -> EntityType.ISSUER;
            case "verify" -> EntityType.VERIFIER;
            default -> null;
        };
        if (type == null) {
            return new Outcome(true, false, denied + " (the action must be issue or verify)");
        }
        if (!registryActive(registry.get(), t)) {
            return new Outcome(true, false, "Not authorized: the authority " + authorityDid + " was not active at " + t);
        }
        List<UUID> standing = jdbc.sql("SELECT entity_id FROM entity_periods WHERE registry_id = :r AND did = :did "
                        + "AND entity_type = :type AND status = 'ACTIVE' AND" + AT + "AND" + IN_WINDOW)
                .param("r", registry.get()).param("did", entityDid).param("type", type.name()).param("t", ts(t))
                .query(UUID.class).list();
        for (UUID entity : standing) {
            if (holdsDirectly(entity, resource, t) || (type == EntityType.ISSUER && holdsByDelegation(entity, resource, t))) {
                return new Outcome(true, true, "Authorized: " + entityDid + " may " + action + " " + resource
                        + " under " + authorityDid + " at " + t);
            }
        }
        // the same words whether the entity is unknown or not authorized: no enumeration of members
        return new Outcome(true, false, denied);
    }

    public Outcome recognition(String authorityDid, String entityDid, String action, String resource, Instant t) {
        Optional<UUID> registry = registry(authorityDid);
        if (registry.isEmpty()) {
            return new Outcome(false, false, "unknown authority " + authorityDid);
        }
        String denied = "Not recognized: " + authorityDid + " does not recognize " + entityDid + " to " + action
                + " " + resource + " at " + t;
        if (!registryActive(registry.get(), t)) {
            return new Outcome(true, false, "Not recognized: the authority " + authorityDid + " was not active at " + t);
        }
        String scope = json.writeValueAsString(List.of(java.util.Map.of("action", action, "resource", resource)));
        boolean recognized = jdbc.sql("SELECT EXISTS (SELECT 1 FROM recognition_periods WHERE registry_id = :r "
                        + "AND remote_did = :did AND status = 'ACTIVE' AND" + AT + "AND" + IN_WINDOW
                        + "AND recognitions @> CAST(:scope AS jsonb))")
                .param("r", registry.get()).param("did", entityDid).param("t", ts(t)).param("scope", scope)
                .query(Boolean.class).single();
        return recognized
                ? new Outcome(true, true, "Recognized: " + authorityDid + " recognizes " + entityDid + " to " + action
                        + " " + resource + " at " + t)
                : new Outcome(true, false, denied);
    }

    private Optional<UUID> registry(String ecosystemDid) {
        return jdbc.sql("SELECT registry_id FROM registry_periods WHERE ecosystem_did = ? LIMIT 1")
                .param(ecosystemDid).query(UUID.class).optional();
    }

    private boolean registryActive(UUID registry, Instant t) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry_periods WHERE registry_id = :r AND status = 'ACTIVE' "
                        + "AND" + AT + ")")
                .param("r", registry).param("t", ts(t)).query(Boolean.class).single();
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
