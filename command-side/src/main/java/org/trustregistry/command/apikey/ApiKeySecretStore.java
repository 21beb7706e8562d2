package org.trustregistry.command.apikey;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the keyed hashes of the secrets are kept (api_key_secrets): the credential table, apart from the
 * events, which auditors read. Written by the key's command handlers in the command's own transaction, so
 * a key and its secret are stored together or not at all.
 */
public interface ApiKeySecretStore {

    /** The first secret of a new key. */
    void add(UUID keyId, String secretHash);

    /**
     * A new secret for the key; the one in use until now keeps working until {@code previousValidUntil},
     * and one still in an earlier rotation's grace period ends now.
     */
    void rotate(UUID keyId, String secretHash, Instant previousValidUntil);
}
