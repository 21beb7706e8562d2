package org.trustregistry.shared;

import java.time.Instant;

/**
 * The time an entity's accreditation is valid: from {@code validFrom} (inclusive, open if null)
 * until {@code validUntil} (exclusive, open if null). The one home of "valid at T".
 */
public record ValidityWindow(Instant validFrom, Instant validUntil) {

    public static final ValidityWindow ALWAYS = new ValidityWindow(null, null);

    public ValidityWindow {
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("validFrom must be before validUntil");
        }
    }

    public static boolean isOrdered(Instant validFrom, Instant validUntil) {
        return validFrom == null || validUntil == null || validFrom.isBefore(validUntil);
    }

    public boolean contains(Instant time) {
        return contains(validFrom, validUntil, time);
    }

    /** Whether {@code time} is inside the window from {@code validFrom} (null: open) until {@code validUntil}. */
    public static boolean contains(Instant validFrom, Instant validUntil, Instant time) {
        return (validFrom == null || !time.isBefore(validFrom)) && (validUntil == null || time.isBefore(validUntil));
    }

    public boolean hasEndedAt(Instant time) {
        return validUntil != null && !time.isBefore(validUntil);
    }
}
