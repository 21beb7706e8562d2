package org.trustregistry.command.delegation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.command.accreditation.AccreditedEntityState;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.GoodStanding;

/**
 * What an issuer holds at a moment, and from where: the credential types it is authorized for itself
 * (while ACTIVE and inside its validity window) and those it received through active delegations
 * covering that moment. The one home of "the delegator holds the type".
 */
final class Holdings {

    /** Where one credential type comes from: the issuer itself (no link), or these received delegations. */
    record Source(boolean direct, List<DelegationCatalog.Link> links) {
    }

    private final Map<UUID, Source> sources = new HashMap<>();
    private final Map<UUID, String> types = new HashMap<>();

    static Holdings of(AccreditedEntityState issuer, List<DelegationCatalog.Link> received, Instant now) {
        Holdings holdings = new Holdings();
        if (issuer == null) {
            return holdings;
        }
        boolean standing = GoodStanding.at(issuer.status(), issuer.validFrom(), issuer.validUntil(), now);
        if (!standing) {
            return holdings;
        }
        for (CredentialTypeRef type : issuer.credentialTypes()) {
            holdings.sources.put(type.schemaId(), new Source(true, List.of()));
            holdings.types.put(type.schemaId(), type.credentialType());
        }
        for (DelegationCatalog.Link link : received) {
            if (!link.coversAt(now)) {
                continue;
            }
            for (UUID schemaId : link.schemaIds()) {
                Source source = holdings.sources.get(schemaId);
                if (source == null) {
                    holdings.sources.put(schemaId, new Source(false, new ArrayList<>(List.of(link))));
                } else if (!source.direct()) {
                    source.links().add(link);
                }
            }
        }
        return holdings;
    }

    boolean holds(UUID schemaId) {
        return sources.containsKey(schemaId);
    }

    boolean holdsAll(java.util.Collection<UUID> schemaIds) {
        return sources.keySet().containsAll(schemaIds);
    }

    Source source(UUID schemaId) {
        return sources.get(schemaId);
    }

    /** The credential type name, when the issuer holds it itself (delegated ones are named by the schema). */
    String directTypeName(UUID schemaId) {
        return types.get(schemaId);
    }
}
