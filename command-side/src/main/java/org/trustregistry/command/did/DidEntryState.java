package org.trustregistry.command.did;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A DID's directory entry as a command left it: what a write returns to its caller. */
public record DidEntryState(String did, String didMethod, String serviceType, String serviceEndpoint,
                            Map<String, Object> metadata, List<Map<String, Object>> publicKeys,
                            String resolutionSource, Instant resolvedAt, String resolutionError) {
}
