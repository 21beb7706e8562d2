package org.trustregistry.command.did;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public keys written as multibase (base58btc, prefix {@code z}) of a multicodec-tagged key, as did:key
 * and {@code publicKeyMultibase} write them, turned into public JWKs (RFC 7517 / 8037): Ed25519 and
 * X25519 (OKP), P-256 and secp256k1 (EC, from the compressed point).
 */
final class Multikey {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    /** No key encoding comes close; it bounds the base58 arithmetic. */
    private static final int MAX_ENCODED_LENGTH = 256;

    private static final int ED25519 = 0xed;
    private static final int X25519 = 0xec;
    private static final int SECP256K1 = 0xe7;
    private static final int P256 = 0x1200;

    /** A short-Weierstrass curve y² = x³ + ax + b over GF(p) with p ≡ 3 (mod 4). */
    private record Curve(String name, BigInteger p, BigInteger a, BigInteger b) {
    }

    private static final BigInteger P256_P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final Curve CURVE_P256 = new Curve("P-256", P256_P, P256_P.subtract(BigInteger.valueOf(3)),
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16));
    private static final Curve CURVE_SECP256K1 = new Curve("secp256k1",
            new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16), BigInteger.ZERO,
            BigInteger.valueOf(7));

    private Multikey() {
    }

    /**
     * @throws IllegalArgumentException if the value is not base58btc multibase, or not a public key of a
     *         supported type and size
     */
    static Map<String, Object> toJwk(String multibase, String kid) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("not a base58btc multibase value (it must start with 'z')");
        }
        if (multibase.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("longer than any supported key encoding");
        }
        byte[] bytes = base58(multibase.substring(1));
        int[] codec = varint(bytes);
        byte[] key = Arrays.copyOfRange(bytes, codec[1], bytes.length);
        Map<String, Object> jwk = switch (codec[0]) {
            case ED25519 -> okp("Ed25519", key);
            case X25519 -> okp("X25519", key);
            case P256 -> ec(CURVE_P256, key);
            case SECP256K1 -> ec(CURVE_SECP256K1, key);
            default -> throw new IllegalArgumentException("unsupported key type (multicodec 0x"
                    + Integer.toHexString(codec[0]) + "); supported are Ed25519, X25519, P-256 and secp256k1");
        };
        if (kid != null) {
            jwk.put("kid", kid);
        }
        return jwk;
    }

    private static Map<String, Object> okp(String curve, byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an " + curve + " public key has 32 bytes, not " + key.length);
        }
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", curve);
        jwk.put("x", base64url(key));
        return jwk;
    }

    /** A compressed point (0x02 or 0x03, then x): y is the square root of x³ + ax + b with y's parity. */
    private static Map<String, Object> ec(Curve curve, byte[] key) {
        if (key.length != 33 || (key[0] != 2 && key[0] != 3)) {
            throw new IllegalArgumentException("a " + curve.name() + " public key is a 33-byte compressed point");
        }
        BigInteger p = curve.p();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(key, 1, 33));
        if (x.compareTo(p) >= 0) {
            throw new IllegalArgumentException("not a point of " + curve.name());
        }
        BigInteger rhs = x.pow(3).add(curve.a().multiply(x)).add(curve.b()).mod(p);
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        if (!y.multiply(y).mod(p).equals(rhs)) {
            throw new IllegalArgumentException("not a point of " + curve.name());
        }
        if (y.testBit(0) != (key[0] == 3)) {
            y = p.subtract(y);
        }
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", curve.name());
        jwk.put("x", base64url(unsigned32(x)));
        jwk.put("y", base64url(unsigned32(y)));
        return jwk;
    }

    static byte[] base58(String text) {
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(58);
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        for (char c : text.toCharArray()) {
            int digit = BASE58.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a base58btc character");
            }
            value = value.multiply(radix).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0; // BigInteger's sign byte
        byte[] bytes = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, bytes, zeros, magnitude.length - skip);
        return bytes;
    }

    /** An unsigned LEB128 varint at the start: {value, bytes it took}. */
    private static int[] varint(byte[] bytes) {
        int value = 0;
        for (int i = 0; i < Math.min(bytes.length, 4); i++) {
            value |= (bytes[i] & 0x7f) << (7 * i);
            if ((bytes[i] & 0x80) == 0) {
                return new int[] {value, i + 1};
            }
        }
        throw new IllegalArgumentException("no multicodec key type prefix");
    }

    private static byte[] unsigned32(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
