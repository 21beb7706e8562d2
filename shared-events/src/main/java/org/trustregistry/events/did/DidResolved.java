package org.trustregistry.events.did;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A DID was resolved to its public keys, each a public JWK (RFC 7517) whose {@code kid} is the
 * verification method's id. {@code source} says where they came from: {@code did:key} (decoded from
 * the DID itself) or the URL of the did:web document.
 */
@Revision("1")
public record DidResolved(String did, String didMethod, List<Map<String, Object>> publicKeys, String source,
                          String actor, Instant resolvedAt) {
}
