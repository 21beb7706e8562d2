package org.trustregistry.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as timestamptz parameters and back, exactly. Never through {@code java.sql.Timestamp}: the
 * driver writes a Timestamp in the Julian calendar before 1582-10-15, so PostgreSQL (proleptic Gregorian)
 * stores another day, and refuses outright a Julian leap day Gregorian does not have (1500-02-29).
 * An {@code OffsetDateTime} is written and read in ISO terms. Times are floored to the microsecond,
 * PostgreSQL's precision, so that a bound time is never rounded past the instant it stands for.
 */
public final class Timestamptz {

    private Timestamptz() {
    }

    /** The parameter for {@code instant} (null stays null). */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant read(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
