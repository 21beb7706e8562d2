package org.trustregistry.command.common;

import java.time.Instant;
import org.trustregistry.shared.Did;
import org.trustregistry.shared.ValidityWindow;

/** Checks of command content shared by every aggregate: DIDs and validity windows. */
public final class Validation {

    private Validation() {
    }

    public static void requireDid(String field, String did) {
        if (!Did.isValid(did)) {
            throw new InvalidCommandException(field, "must be " + Did.RULE);
        }
    }

    public static void requireWindow(Instant validFrom, Instant validUntil) {
        if (!ValidityWindow.isOrdered(validFrom, validUntil)) {
            throw new InvalidCommandException("validUntil", "must be after validFrom");
        }
    }

    /**
     * Times are kept to the microsecond, as PostgreSQL keeps them, so that what an event says and what
     * a read table shows are the same instant. The edge takes up to 9 fractional digits (RFC 3339); the
     * digits beyond the sixth are dropped here, when the time enters an event.
     */
    public static Instant toMicros(Instant time) {
        return time == null ? null : time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidCommandException("reason", "a reason is required for this status change");
        }
    }

    /** The actor recorded on events: the caller's API key id, or "system" for what the registry does itself. */
    public static String actorOrSystem(String actorId) {
        return actorId == null || actorId.isBlank() ? org.trustregistry.shared.MessageMetadata.SYSTEM_ACTOR : actorId;
    }
}
