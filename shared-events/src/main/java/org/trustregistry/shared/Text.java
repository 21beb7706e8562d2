package org.trustregistry.shared;

import java.util.Optional;

/**
 * The one rule for text the API takes, wherever it appears (body members and their names, query
 * parameters, path segments). Every text is valid Unicode (no unpaired surrogate, which a JSON
 * {@code \uD800} escape can produce) without NUL or another C0 control character: PostgreSQL's text and
 * jsonb cannot hold NUL, and a stored value that a projection cannot write stops that projection for
 * good. Free text (descriptions, reasons, free-form metadata) may also hold tab, line feed and carriage
 * return; single-line text (names, identifiers, types, URLs, statuses) may not.
 */
public final class Text {

    /** How much of the C0 range a text may use. */
    public enum Kind {
        SINGLE_LINE("single-line text: no control characters (no tab, line feed or carriage return)"),
        FREE("text without NUL or control characters other than tab, line feed and carriage return");

        private final String rule;

        Kind(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private Text() {
    }

    /** What is wrong with the text as text of this kind, or empty if nothing is (null is no text at all). */
    public static Optional<String> problem(String text, Kind kind) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("is not valid Unicode (an unpaired surrogate at position " + i + ")");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("is not valid Unicode (an unpaired surrogate at position " + i + ")");
            }
            if (c < 0x20 && !(kind == Kind.FREE && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of(c == 0 ? "contains NUL (U+0000), which is not allowed"
                        : "contains the control character U+" + String.format("%04X", (int) c) + "; it must be "
                                + kind.rule());
            }
        }
        return Optional.empty();
    }

    public static boolean isValid(String text, Kind kind) {
        return problem(text, kind).isEmpty();
    }
}
