package org.trustregistry.command.registry;

import java.util.UUID;

/** Replace the registry's signing key with a new one; the old public key stays published. */
public record RotateRegistrySigningKey(UUID registryId) {
}
