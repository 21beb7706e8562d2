package org.trustregistry.command.registry;

import java.util.Map;
import java.util.UUID;

/**
 * Where registries' signing keys are made and kept. The private key stays in the store; the command
 * side only ever sees the public key, as a JWK, to put in the events.
 */
public interface SigningKeys {

    /** Generates an Ed25519 key pair for the registry under {@code kid}, keeps it, returns the public JWK. */
    Map<String, Object> generate(UUID registryId, String kid);
}
