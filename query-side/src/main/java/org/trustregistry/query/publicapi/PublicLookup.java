package org.trustregistry.query.publicapi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.trustregistry.query.accreditation.AccreditedEntityView;
import org.trustregistry.query.registry.TrustRegistryView;

/**
 * Where a DID is registered in one role ({@code issuer} or {@code verifier}): every registration,
 * whatever its status, each with its registry.
 */
public record PublicLookup(String did, String role, List<Registration> registrations) {

    /** One registration of the DID: the entity in one registry. */
    public record Registration(UUID id, String name, String status, Instant validFrom, Instant validUntil,
                               List<PublicCredentialType> credentialTypes, Registry registry) {

        static Registration of(AccreditedEntityView view, List<PublicCredentialType> credentialTypes,
                               Registry registry) {
            return new Registration(view.getId(), view.getName(), view.getStatus(), view.getValidFrom(),
                    view.getValidUntil(), credentialTypes, registry);
        }
    }

    /** The registry of a registration; its status too, since a registration in a retired registry trusts nothing. */
    public record Registry(UUID id, String name, String ecosystemDid, String status) {

        /** The registries projection runs apart from the entities one and may not have the row yet. */
        static Registry of(UUID id, TrustRegistryView view) {
            return view == null ? new Registry(id, null, null, null)
                    : new Registry(id, view.getName(), view.getEcosystemDid(), view.getStatus());
        }
    }
}
