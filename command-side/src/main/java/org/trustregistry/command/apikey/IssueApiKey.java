package org.trustregistry.command.apikey;

import java.time.Instant;
import java.util.UUID;

/** Issue a key whose secret the sender generated; the command carries only its prefix and keyed hash. */
public record IssueApiKey(UUID keyId, String name, String role, UUID registryId, Instant expiresAt, String keyPrefix,
                          String secretHash) {

    @Override
    public String toString() {
        // the hash is not the secret, but nothing about the secret goes to a log line either
        return "IssueApiKey[keyId=" + keyId + ", name=" + name + ", role=" + role + ", registryId=" + registryId
                + ", expiresAt=" + expiresAt + ", keyPrefix=" + keyPrefix + "]";
    }
}
