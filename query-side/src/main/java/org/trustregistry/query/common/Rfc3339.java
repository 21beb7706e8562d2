package org.trustregistry.query.common;

import java.time.Instant;
import org.trustregistry.shared.Rfc3339Time;

/** Time query parameters and query members, read with the one time rule ({@link Rfc3339Time}). */
public final class Rfc3339 {

    private Rfc3339() {
    }

    /** The instant, or a 400 naming the parameter. */
    public static Instant parse(String parameter, String value) {
        return Rfc3339Time.parse(value)
                .orElseThrow(() -> new BadQueryException(parameter, parameter + " must be " + Rfc3339Time.RULE));
    }
}
