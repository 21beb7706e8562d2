package org.trustregistry.query.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Times as the API takes them: RFC 3339 with the Z offset only (2026-01-31T12:00:00Z). */
public final class Rfc3339 {

    private static final Pattern UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private Rfc3339() {
    }

    /** The instant, or a 400 naming the parameter. */
    public static Instant parse(String parameter, String value) {
        if (value == null || !UTC.matcher(value).matches()) {
            throw new BadQueryException(parameter,
                    parameter + " must be an RFC 3339 time with the Z offset, e.g. 2026-01-31T12:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQueryException(parameter, parameter + " is not a valid time: " + value);
        }
    }
}
