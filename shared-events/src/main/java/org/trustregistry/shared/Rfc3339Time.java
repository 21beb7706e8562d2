package org.trustregistry.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for times the API takes, in bodies and in query parameters alike: RFC 3339 in UTC with
 * the {@code Z} offset ({@code 2026-01-31T12:00:00Z}, {@code 2026-01-31T12:00:00.123456Z}), upper-case
 * {@code T} and {@code Z}, years 0001–9999, a real calendar date (no 30 February), hours 00–23, minutes
 * and seconds 00–59 (no leap second, no 24:00), 0–9 fractional digits. No offsets, no epoch numbers.
 * The explicit checks matter: {@code Instant.parse} alone takes offsets and years beyond 9999, which
 * PostgreSQL and Jackson 2 then store or read differently.
 */
public final class Rfc3339Time {

    /** What a caller is told when a time breaks the rule. */
    public static final String RULE = "an RFC 3339 time in UTC with the Z offset, years 0001-9999, "
            + "e.g. 2026-01-31T12:00:00Z";

    private static final Pattern SYNTAX = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]{1,9}))?Z");

    private Rfc3339Time() {
    }

    /** The instant the text names, or empty if it breaks the rule (null included). */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > Year.of(year).atMonth(month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }
}
