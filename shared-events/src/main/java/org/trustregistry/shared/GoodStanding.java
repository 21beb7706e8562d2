package org.trustregistry.shared;

import java.time.Instant;

/**
 * The one rule of "in good standing at T" for an issuer or verifier, on both sides: ACTIVE, and inside its validity
 * window at T (from inclusive, until exclusive, null open). The window matters on its own: between validUntil and
 * the expiry event that records it, the status still says ACTIVE. The command side applies it to an aggregate's
 * state now (who may delegate), the query side's authority history to a recorded period at any T (TRQP).
 */
public final class GoodStanding {

    private GoodStanding() {
    }

    public static boolean at(EntityStatus status, Instant validFrom, Instant validUntil, Instant time) {
        return status == EntityStatus.ACTIVE && ValidityWindow.contains(validFrom, validUntil, time);
    }

    /** The same, for a status as stored (its name). */
    public static boolean at(String status, Instant validFrom, Instant validUntil, Instant time) {
        return EntityStatus.ACTIVE.name().equals(status) && ValidityWindow.contains(validFrom, validUntil, time);
    }
}
