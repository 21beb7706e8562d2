package org.trustregistry.events.did;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A DID's entry in the directory got a service endpoint and metadata (replacing what it had). The DID
 * need not belong to a registry, issuer or verifier: the entry then has no roles.
 */
@Revision("1")
public record DidServiceUpdated(String did, String didMethod, String serviceType, String serviceEndpoint,
                                Map<String, Object> metadata, String actor, Instant updatedAt) {
}
