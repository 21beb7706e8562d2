package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;

/** The verifier became authorized for a credential type from {@code effectiveAt}. */
@Revision("1")
public record VerifierCredentialTypeAuthorized(UUID verifierId, String did, UUID registryId, UUID schemaId,
                                        String credentialType, String actor, Instant effectiveAt)
        implements CredentialTypeAuthorized, VerifierEvent {
}
