package org.trustregistry.shared;

import static org.trustregistry.shared.EntityStatus.ACTIVE;
import static org.trustregistry.shared.EntityStatus.EXPIRED;
import static org.trustregistry.shared.EntityStatus.PENDING;
import static org.trustregistry.shared.EntityStatus.REVOKED;
import static org.trustregistry.shared.EntityStatus.SUSPENDED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one lifecycle state machine of issuers and verifiers (DESIGN.md §4):
 * <pre>
 *   PENDING --activate--> ACTIVE --suspend--> SUSPENDED --reinstate--> ACTIVE
 *   PENDING | ACTIVE | SUSPENDED | EXPIRED --revoke--> REVOKED (final)
 *   ACTIVE | SUSPENDED --expire--> EXPIRED --renew--> ACTIVE
 * </pre>
 * Any move not listed here is illegal.
 */
public enum LifecycleTransition {
    ACTIVATE(ACTIVE, PENDING),
    SUSPEND(SUSPENDED, ACTIVE),
    REINSTATE(ACTIVE, SUSPENDED),
    REVOKE(REVOKED, PENDING, ACTIVE, SUSPENDED, EXPIRED),
    EXPIRE(EXPIRED, ACTIVE, SUSPENDED),
    RENEW(ACTIVE, EXPIRED);

    private final EntityStatus target;
    private final Set<EntityStatus> sources;

    LifecycleTransition(EntityStatus target, EntityStatus... sources) {
        this.target = target;
        this.sources = EnumSet.copyOf(Arrays.asList(sources));
    }

    public EntityStatus target() {
        return target;
    }

    public boolean isAllowedFrom(EntityStatus current) {
        return sources.contains(current);
    }

    /** The transition that takes an entity from {@code current} to {@code target}, if the machine has one. */
    public static Optional<LifecycleTransition> leadingFrom(EntityStatus current, EntityStatus target) {
        return Arrays.stream(values())
                .filter(t -> t.target == target && t.isAllowedFrom(current))
                .findFirst();
    }
}
