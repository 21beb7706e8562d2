package org.trustregistry.server.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same request" for an Idempotency-Key: method, path and query exactly as
 * sent, and the body as canonical JSON — members sorted, no insignificant white space, strings
 * unescaped, numbers as exact decimals (never rounded through a double, an integer never equal to a
 * fraction) — so that a client that
 * re-serialises the same document differently is still recognised. A body that is not JSON is taken
 * byte for byte (its request fails validation and is never remembered anyway). The fingerprint is the
 * SHA-256 of all that, in hex.
 */
public final class RequestFingerprint {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private RequestFingerprint() {
    }

    public static String of(String method, String path, String query, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update((method + " " + path + (query == null ? "" : "?" + query) + "\n").getBytes(StandardCharsets.UTF_8));
        if (body != null && body.length > 0) {
            String canonical = canonicalJson(body);
            if (canonical != null) {
                sha256.update("json\n".getBytes(StandardCharsets.UTF_8));
                sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
            } else {
                sha256.update("bytes\n".getBytes(StandardCharsets.UTF_8));
                sha256.update(body);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The body as canonical JSON, or null if it is not one JSON document. */
    static String canonicalJson(byte[] body) {
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        if (document == null || document.isMissingNode()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        write(document, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(JSON.writeValueAsString(members.get(i).getKey())).append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            // marked: 10 and 10e0 read as different Java types (Integer, Double) into a Map or JsonNode field
            out.append('#').append(node.decimalValue());
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
