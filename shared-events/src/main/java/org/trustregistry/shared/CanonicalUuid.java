package org.trustregistry.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers as the API takes them: the canonical 8-4-4-4-12 hexadecimal form. {@code UUID.fromString}
 * alone also takes {@code 1-2-3-4-5} (and Jackson a base64 form), which name the same UUID under
 * another spelling.
 */
public final class CanonicalUuid {

    public static final String RULE = "a UUID in its canonical form, 8-4-4-4-12 hexadecimal digits";

    private static final Pattern SYNTAX = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CanonicalUuid() {
    }

    public static Optional<UUID> parse(String text) {
        return text != null && SYNTAX.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
