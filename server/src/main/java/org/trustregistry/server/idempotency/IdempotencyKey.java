package org.trustregistry.server.idempotency;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of an {@code Idempotency-Key} request header. The IETF httpapi draft makes it an RFC 8941
 * Item whose value is a String ({@code Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"});
 * parameters after it are well-formed or refused, and ignored. Many clients send the key unquoted
 * (Stripe's convention), so a bare value of visible ASCII without {@code " , ; \} is accepted too and
 * names the same key as its quoted form. Keys are 1 to {@value #MAX_LENGTH} characters.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** Visible ASCII but DQUOTE, comma, semicolon and backslash: nothing that would read as structure. */
    private static final Pattern UNQUOTED = Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]+");
    private static final Pattern PARAMETER_KEY = Pattern.compile("[a-z*][a-z0-9_.*-]*");
    /** RFC 8941 bare items other than a string: integer or decimal, token, byte sequence, boolean. */
    private static final Pattern BARE_ITEM = Pattern.compile(
            "-?[0-9]{1,15}(\\.[0-9]{1,3})?|[A-Za-z*][!#$%&'*+.^_`|~0-9A-Za-z:/-]*|:[A-Za-z0-9+/=]*:|\\?[01]");

    /** A header that cannot be an idempotency key; answered 400. */
    public static class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** Parses the field lines of the header (more than one is refused: an Item is a single value). */
    public static IdempotencyKey parse(List<String> fieldLines) {
        if (fieldLines.size() != 1) {
            throw new MalformedException("Send one Idempotency-Key header, not " + fieldLines.size());
        }
        String field = trim(fieldLines.get(0));
        String key = field.startsWith("\"") ? new StructuredParser(field).item() : unquoted(field);
        if (key.isEmpty()) {
            throw new MalformedException("The Idempotency-Key is empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw new MalformedException("The Idempotency-Key is longer than " + MAX_LENGTH + " characters");
        }
        return new IdempotencyKey(key);
    }

    private static String unquoted(String field) {
        if (!UNQUOTED.matcher(field).matches()) {
            throw new MalformedException("The Idempotency-Key must be a quoted string (RFC 8941), e.g. "
                    + "\"8e03978e-40d5-43e8-bc93-6894a57f9324\", or an unquoted value of visible ASCII characters");
        }
        return field;
    }

    private static String trim(String field) {
        int start = 0;
        int end = field.length();
        while (start < end && (field.charAt(start) == ' ' || field.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')) {
            end--;
        }
        return field.substring(start, end);
    }

    /** RFC 8941 section 4.2.3: an sf-string item, then its parameters. */
    private static final class StructuredParser {
        private final String input;
        private int at;

        StructuredParser(String input) {
            this.input = input;
        }

        String item() {
            String value = string();
            parameters();
            if (at != input.length()) {
                throw new MalformedException("Unexpected characters after the Idempotency-Key string");
            }
            return value;
        }

        private String string() {
            StringBuilder value = new StringBuilder();
            at++; // the opening DQUOTE
            while (at < input.length()) {
                char c = input.charAt(at++);
                if (c == '\\') {
                    if (at == input.length() || (input.charAt(at) != '"' && input.charAt(at) != '\\')) {
                        throw new MalformedException("In an Idempotency-Key string only \\\" and \\\\ are escapes");
                    }
                    value.append(input.charAt(at++));
                } else if (c == '"') {
                    return value.toString();
                } else if (c < 0x20 || c > 0x7E) {
                    throw new MalformedException("An Idempotency-Key may contain printable ASCII characters only");
                } else {
                    value.append(c);
                }
            }
            throw new MalformedException("The Idempotency-Key string has no closing quote");
        }

        private void parameters() {
            while (at < input.length() && input.charAt(at) == ';') {
                at++;
                while (at < input.length() && input.charAt(at) == ' ') {
                    at++;
                }
                expect(PARAMETER_KEY, "a parameter name");
                if (at < input.length() && input.charAt(at) == '=') {
                    at++;
                    if (at < input.length() && input.charAt(at) == '"') {
                        string();
                    } else {
                        expect(BARE_ITEM, "a parameter value");
                    }
                }
            }
        }

        private void expect(Pattern pattern, String what) {
            Matcher matcher = pattern.matcher(input).region(at, input.length());
            if (!matcher.lookingAt()) {
                throw new MalformedException("Expected " + what + " in the Idempotency-Key header at position " + at);
            }
            at = matcher.end();
        }
    }
}
