package org.trustregistry.query.publicapi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.trustregistry.query.accreditation.AccreditedEntityView;

/**
 * An issuer or verifier as the public lists show it: only active ones are listed, so there is no
 * status, and nothing internal (actors, status reasons, metadata, revision).
 */
public record PublicEntity(UUID id, String did, String name, UUID registryId, UUID trustFrameworkId,
                           String accreditationLevel, List<String> jurisdictions, List<String> contexts,
                           Instant validFrom, Instant validUntil, String endpoint,
                           List<PublicCredentialType> credentialTypes) {

    static PublicEntity of(AccreditedEntityView view, List<PublicCredentialType> credentialTypes) {
        return new PublicEntity(view.getId(), view.getDid(), view.getName(), view.getRegistryId(),
                view.getTrustFrameworkId(), view.getAccreditationLevel(), view.getJurisdictions(), view.getContexts(),
                view.getValidFrom(), view.getValidUntil(), view.getEndpoint(), credentialTypes);
    }
}
