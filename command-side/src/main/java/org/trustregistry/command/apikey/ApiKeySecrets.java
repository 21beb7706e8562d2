package org.trustregistry.command.apikey;

/**
 * Makes API key secrets and their keyed hashes. The server provides it (the HMAC key, its "pepper",
 * lives beside the registries' signing keys, outside the database): a dump of the database or the
 * event store alone does not let anyone test a guessed secret.
 */
public interface ApiKeySecrets {

    /** A new secret: {@code trk_} and 256 random bits. */
    String newSecret();

    /** The hex HMAC-SHA256 of the secret under the pepper: what is stored and looked up. */
    String hash(String secret);

    /** What the API shows of a secret: its first characters. */
    static String prefixOf(String secret) {
        return secret.substring(0, Math.min(12, secret.length()));
    }
}
