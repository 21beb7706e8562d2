package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;
import org.trustregistry.shared.EntityType;

/** The verifier became authorized for a credential type from {@code effectiveAt}. */
@Revision("1")
public record VerifierCredentialTypeAuthorized(UUID verifierId, String did, UUID registryId, UUID schemaId,
                                        String credentialType, String actor, Instant effectiveAt)
        implements CredentialTypeAuthorized {

    @Override
    public EntityType entityType() {
        return EntityType.VERIFIER;
    }

    @Override
    public UUID entityId() {
        return verifierId;
    }
}
