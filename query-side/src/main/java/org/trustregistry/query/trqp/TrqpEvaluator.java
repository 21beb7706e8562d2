package org.trustregistry.query.trqp;

import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.EntityType;

/**
 * TRQP v2 semantics (DESIGN.md §6) over the recorded history ({@link AuthorityHistory}, kept by
 * {@link AuthorityHistoryProjection}): an answer for time T is what the history says held at T, never today's
 * rows. What "stood at T" means is written once, in {@link AuthorityHistory.View}; this class only words the
 * answers.
 */
@Component
public class TrqpEvaluator {

    /** The outcome of a query: unknown authority (a 404), or an answer with its reason. */
    public record Outcome(boolean authorityKnown, boolean granted, String message) {
    }

    private final AuthorityHistory history;
    private final int maxChain;

    TrqpEvaluator(AuthorityHistory history, @Value("${trust-registry.delegation.max-depth:3}") int maxDepth) {
        this.history = history;
        // a chain may have been longer under an earlier configuration; bound the walk all the same
        this.maxChain = Math.max(maxDepth, 1) + 2;
    }

    public Outcome authorization(String authorityDid, String entityDid, String action, String resource,
                                 Instant time) {
        Instant t = AuthorityHistory.micros(time);
        String denied = "Not authorized: " + entityDid + " is not authorized to " + action + " " + resource
                + " under " + authorityDid + " at " + time;
        EntityType type = switch (action) {
            case "issue" -> EntityType.ISSUER;
            case "verify" -> EntityType.VERIFIER;
            default -> null;
        };
        return history.read(view -> {
            java.util.UUID registry = view.registryOf(authorityDid);
            if (registry == null) {
                return new Outcome(false, false, "unknown authority " + authorityDid);
            }
            if (type == null) {
                return new Outcome(true, false, denied + " (the action must be issue or verify)");
            }
            if (!view.registryActiveAt(registry, t)) {
                return new Outcome(true, false, "Not authorized: the authority " + authorityDid
                        + " was not active at " + time);
            }
            if (authorizedAt(view, registry, entityDid, type, resource, t)) {
                return new Outcome(true, true, "Authorized: " + entityDid + " may " + action + " " + resource
                        + " under " + authorityDid + " at " + time);
            }
            // the same words whether the entity is unknown or not authorized: no enumeration of members
            return new Outcome(true, false, denied);
        });
    }

    /**
     * Whether a record of the DID, of that kind, in that registry, stood in good standing at T and held the type
     * there, itself or (an issuer) through a chain of delegations valid at T. The registry's own standing is the
     * caller's to check.
     */
    boolean authorizedAt(AuthorityHistory.View view, java.util.UUID registry, String did, EntityType type,
                         String resource, Instant t) {
        java.util.List<AuthorityHistory.Entity> standing = new java.util.ArrayList<>();
        for (AuthorityHistory.Entity entity : view.entitiesOf(did)) {
            if (entity.type() == type && entity.registryId().equals(registry) && view.standsAt(entity, t)) {
                if (view.holdsAt(entity, resource, t)) {
                    return true;
                }
                standing.add(entity);
            }
        }
        if (type == EntityType.ISSUER) {
            for (AuthorityHistory.Entity entity : standing) {
                if (view.holdsByDelegation(entity.id(), resource, t, maxChain)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether this one record held the type at T, itself or (an issuer) through a chain of delegations valid at T;
     * its own standing is the caller's to check.
     */
    boolean holdsAt(AuthorityHistory.View view, AuthorityHistory.Entity entity, String resource, Instant t) {
        return view.holdsAt(entity, resource, t) || (entity.type() == EntityType.ISSUER
                && view.holdsByDelegation(entity.id(), resource, t, maxChain));
    }

    public Outcome recognition(String authorityDid, String entityDid, String action, String resource, Instant time) {
        Instant t = AuthorityHistory.micros(time);
        String denied = "Not recognized: " + authorityDid + " does not recognize " + entityDid + " to " + action
                + " " + resource + " at " + time;
        return history.read(view -> {
            java.util.UUID registry = view.registryOf(authorityDid);
            if (registry == null) {
                return new Outcome(false, false, "unknown authority " + authorityDid);
            }
            if (!view.registryActiveAt(registry, t)) {
                return new Outcome(true, false, "Not recognized: the authority " + authorityDid
                        + " was not active at " + time);
            }
            return view.recognizesAt(registry, entityDid, action, resource, t)
                    ? new Outcome(true, true, "Recognized: " + authorityDid + " recognizes " + entityDid + " to "
                            + action + " " + resource + " at " + time)
                    : new Outcome(true, false, denied);
        });
    }
}
