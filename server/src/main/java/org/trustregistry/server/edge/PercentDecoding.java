package org.trustregistry.server.edge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding that refuses what it cannot decode instead of guessing: a {@code %} not followed by
 * two hexadecimal digits, octets that are not UTF-8 (overlong forms and encoded surrogates included), and
 * characters that may not appear raw in a request target. Tomcat's own decoding of query strings throws
 * on the first two at the first {@code getParameter}, deep inside argument resolution (a 500).
 */
final class PercentDecoding {

    /** Why a text could not be decoded; the message says what the caller did wrong. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    private PercentDecoding() {
    }

    static String decode(String raw, boolean plusIsSpace) throws MalformedException {
        ByteArrayOutputStream octets = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw new MalformedException("has an undecodable percent-encoding (% must be followed by two "
                            + "hexadecimal digits; a literal % is %25)");
                }
                octets.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                throw new MalformedException("has a character that must be percent-encoded");
            } else {
                octets.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("has percent-encoded octets that are not UTF-8");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
