package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;

/** The issuer became authorized for a credential type from {@code effectiveAt}. */
@Revision("1")
public record IssuerCredentialTypeAuthorized(UUID issuerId, String did, UUID registryId, UUID schemaId,
                                        String credentialType, String actor, Instant effectiveAt)
        implements CredentialTypeAuthorized, IssuerEvent {
}
