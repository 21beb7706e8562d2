package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;

/** The issuer stopped being authorized for a credential type from {@code effectiveAt}. */
@Revision("1")
public record IssuerCredentialTypeWithdrawn(UUID issuerId, String did, UUID registryId, UUID schemaId,
                                        String credentialType, String reason, String actor, Instant effectiveAt)
        implements CredentialTypeWithdrawn, IssuerEvent {
}
