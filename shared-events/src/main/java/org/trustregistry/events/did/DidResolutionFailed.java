package org.trustregistry.events.did;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Resolving a DID was attempted and failed (the document could not be fetched in time, was too large,
 * was not a DID document of this DID, or had no usable key). The keys resolved before, if any, stay.
 */
@Revision("1")
public record DidResolutionFailed(String did, String didMethod, String reason, String source, String actor,
                                  Instant failedAt) {
}
