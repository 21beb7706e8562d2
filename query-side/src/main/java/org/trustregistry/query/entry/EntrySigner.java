package org.trustregistry.query.entry;

import java.util.UUID;

/** Signs with a registry's private key, which stays in the key store. */
public interface EntrySigner {

    /** An Ed25519 signature of {@code signingInput} with the key {@code kid} of the registry. */
    byte[] sign(UUID registryId, String kid, byte[] signingInput);
}
