package org.trustregistry.server;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Fresh did:key DIDs for tests: a new Ed25519 public key, multicodec-tagged, base58btc. */
final class DidKeys {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private DidKeys() {
    }

    static String randomEd25519() {
        byte[] encoded;
        try {
            encoded = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] tagged = new byte[34];
        tagged[0] = (byte) 0xed;
        tagged[1] = 0x01;
        System.arraycopy(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length), 0, tagged, 2, 32);
        StringBuilder text = new StringBuilder();
        BigInteger value = new BigInteger(1, tagged);
        BigInteger radix = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(radix);
            text.append(BASE58.charAt(qr[1].intValue()));
            value = qr[0];
        }
        return "did:key:z" + text.reverse();
    }
}
