package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;

/** The verifier stopped being authorized for a credential type from {@code effectiveAt}. */
@Revision("1")
public record VerifierCredentialTypeWithdrawn(UUID verifierId, String did, UUID registryId, UUID schemaId,
                                        String credentialType, String reason, String actor, Instant effectiveAt)
        implements CredentialTypeWithdrawn, VerifierEvent {
}
