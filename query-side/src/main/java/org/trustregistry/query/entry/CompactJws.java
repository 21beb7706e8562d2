package org.trustregistry.query.entry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact JWS (RFC 7515) with EdDSA / Ed25519 over canonical JSON: object members sorted by name, no
 * insignificant white space — RFC 8785 (JCS) for the values entries hold (strings, integers,
 * booleans, null, arrays, objects). The same state always gives the same bytes, and Ed25519
 * signatures are deterministic, so a rebuilt projection signs exactly what it signed before.
 */
final class CompactJws {

    /** A JWS taken apart; {@code valid} only says whether the parts decode. */
    record Parts(Map<String, Object> header, Map<String, Object> payload, byte[] signingInput, byte[] signature) {
    }

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
            0x21, 0x00};

    private CompactJws() {
    }

    static byte[] canonical(Map<String, Object> value) {
        return CANONICAL.writeValueAsBytes(new TreeMap<>(value));
    }

    static String sign(Map<String, Object> header, Map<String, Object> payload, Function<byte[], byte[]> signer) {
        String input = B64.encodeToString(canonical(header)) + "." + B64.encodeToString(canonical(payload));
        byte[] signature = signer.apply(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature);
    }

    /** The parts of a compact JWS, or an exception saying why it is not one. */
    static Parts parse(String jws) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a compact JWS has three parts separated by dots");
        }
        Map<String, Object> header = CANONICAL.readValue(B64D.decode(parts[0]), MAP);
        Map<String, Object> payload = CANONICAL.readValue(B64D.decode(parts[1]), MAP);
        byte[] signature = B64D.decode(parts[2]);
        return new Parts(header, payload, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
    }

    static boolean verify(Parts parts, Map<String, Object> publicJwk) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(publicJwk));
            verifier.update(parts.signingInput());
            return verifier.verify(parts.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(Map<String, Object> jwk) throws GeneralSecurityException {
        if (!"OKP".equals(jwk.get("kty")) || !"Ed25519".equals(jwk.get("crv"))) {
            throw new GeneralSecurityException("not an Ed25519 JWK");
        }
        byte[] raw = B64D.decode((String) jwk.get("x"));
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
