package org.trustregistry.events.registry;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The registry signs its entries with a new Ed25519 key from {@code activeFrom} on (at creation, and
 * at each rotation). Only the public key is here; the private key never leaves the key store. Keys
 * replaced stay published, so entries signed with them can still be verified.
 */
@Revision("1")
public record RegistrySigningKeyAdded(UUID registryId, String ecosystemDid, String kid,
                                      Map<String, Object> publicKeyJwk, String previousKid, String actor,
                                      Instant activeFrom) {
}
