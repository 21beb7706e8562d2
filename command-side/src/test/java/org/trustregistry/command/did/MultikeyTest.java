package org.trustregistry.command.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultikeyTest {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** base58btc multibase of multicodec prefix + key: what a did:key holds. */
    static String multibase(byte[] prefix, byte[] key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(prefix);
        bytes.writeBytes(key);
        byte[] all = bytes.toByteArray();
        StringBuilder text = new StringBuilder();
        BigInteger value = new BigInteger(1, all);
        BigInteger radix = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(radix);
            text.append(BASE58.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < all.length && all[i] == 0; i++) {
            text.append('1');
        }
        return "z" + text.reverse();
    }

    /** A fresh Ed25519 public key, raw (the last 32 bytes of its X.509 encoding). */
    static byte[] ed25519PublicKey() throws Exception {
        byte[] encoded = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void the_did_key_specification_ed25519_example_decodes_to_its_jwk() {
        Map<String, Object> jwk = Multikey.toJwk("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "kid-1");
        assertThat(jwk).containsExactly(Map.entry("kty", "OKP"), Map.entry("crv", "Ed25519"),
                Map.entry("x", "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"), Map.entry("kid", "kid-1"));
    }

    @Test
    void an_ed25519_key_survives_the_round_trip() throws Exception {
        byte[] key = ed25519PublicKey();
        String encoded = multibase(new byte[] {(byte) 0xed, 0x01}, key);
        assertThat(encoded).startsWith("z6Mk");
        assertThat(Multikey.toJwk(encoded, null)).containsEntry("x", b64(key)).doesNotContainKey("kid");
    }

    @Test
    void an_x25519_key_is_an_okp_jwk_too() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        assertThat(Multikey.toJwk(multibase(new byte[] {(byte) 0xec, 0x01}, key), null))
                .containsEntry("kty", "OKP").containsEntry("crv", "X25519").containsEntry("x", b64(key));
    }

    @Test
    void a_compressed_p256_point_is_decompressed() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        BigInteger x = key.getW().getAffineX();
        BigInteger y = key.getW().getAffineY();
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (y.testBit(0) ? 3 : 2);
        byte[] xBytes = fixed32(x);
        System.arraycopy(xBytes, 0, compressed, 1, 32);
        Map<String, Object> jwk = Multikey.toJwk(multibase(new byte[] {(byte) 0x80, 0x24}, compressed), null);
        assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("x", b64(xBytes)).containsEntry("y", b64(fixed32(y)));
        assertThat(Multikey.toJwk("zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169", null))
                .as("the did:key specification's P-256 example")
                .containsEntry("x", "fyNYMN0976ci7xqiSdag3buk-ZCwgXU4kz9XNkBlNUI")
                .containsEntry("y", "hW2ojTNfH7Jbi8--CJUo3OCbH3y5n91g-IMA9MLMbTU");
    }

    @Test
    void the_secp256k1_generator_point_is_decompressed() {
        byte[] compressed = new byte[33];
        compressed[0] = 2;
        System.arraycopy(fixed32(new BigInteger(
                "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16)), 0, compressed, 1, 32);
        assertThat(Multikey.toJwk(multibase(new byte[] {(byte) 0xe7, 0x01}, compressed), null))
                .containsEntry("crv", "secp256k1")
                .containsEntry("y", b64(fixed32(new BigInteger(
                        "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", 16))));
    }

    @Test
    void what_is_not_a_supported_public_key_is_refused() {
        assertThatThrownBy(() -> Multikey.toJwk("uAAAA", null)).hasMessageContaining("base58btc");
        assertThatThrownBy(() -> Multikey.toJwk("z0OIl", null)).hasMessageContaining("base58btc character");
        assertThatThrownBy(() -> Multikey.toJwk(multibase(new byte[] {(byte) 0xed, 0x01}, new byte[31]), null))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Multikey.toJwk(multibase(new byte[] {(byte) 0x85, 0x24}, new byte[64]), null))
                .hasMessageContaining("unsupported key type");
        byte[] offCurve = new byte[33];
        Arrays.fill(offCurve, (byte) 0xff); // x beyond the field
        offCurve[0] = 2;
        assertThatThrownBy(() -> Multikey.toJwk(multibase(new byte[] {(byte) 0x80, 0x24}, offCurve), null))
                .hasMessageContaining("not a point");
        assertThatThrownBy(() -> Multikey.toJwk("z" + "2".repeat(300), null)).hasMessageContaining("longer");
    }

    private static byte[] fixed32(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }
}
