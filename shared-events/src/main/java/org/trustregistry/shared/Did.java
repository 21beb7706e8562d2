package org.trustregistry.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decentralized identifier in W3C DID syntax: {@code did:<method-name>:<method-specific-id>}.
 * method-name is lower-case letters and digits; method-specific-id is colon-separated segments of
 * letters, digits, {@code . - _} and percent-encoded octets, the last segment not empty.
 */
public record Did(String value) {

    /**
     * Longer DIDs than this are refused wherever they appear: the event store keys aggregates (a DID
     * directory entry is keyed by its DID) with at most 255 characters, and no real DID comes close.
     */
    public static final int MAX_LENGTH = 255;

    /** What a caller is told when a DID breaks the rule. */
    public static final String RULE = "a DID in W3C syntax (did:<method>:<method-specific-id>) of at most "
            + MAX_LENGTH + " characters";

    private static final Pattern SYNTAX = Pattern.compile(
            "did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+");

    public Did {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid DID (did:<method>:<method-specific-id>): " + abbreviate(value));
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && SYNTAX.matcher(value).matches();
    }

    public static Optional<Did> parse(String value) {
        return isValid(value) ? Optional.of(new Did(value)) : Optional.empty();
    }

    public String method() {
        return value.substring(4, value.indexOf(':', 4));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
