package org.trustregistry.command.did;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;

/**
 * A registry's owner keeps the directory entries of its members: its ecosystem DID and the DIDs of the
 * issuers and verifiers registered in it (registry_catalog, entity_did_claims). A DID registered in two
 * registries is a member of both, so either owner may write its entry; a DID of nobody's is the admin's.
 */
@Component
class DidAccessRules implements CommandAccessRules {

    private final KnownDids dids;

    DidAccessRules(KnownDids dids) {
        this.dids = dids;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMay(UpdateDidService.class, "change the directory entry of", c -> member(c.did()))
                .ownerMay(RecordDidResolution.class, "resolve", c -> member(c.did()))
                .ownerMay(RecordDidResolutionFailure.class, "resolve", c -> member(c.did()));
    }

    private Optional<Target> member(String did) {
        return Optional.of(new Target(did + ", which is neither the ecosystem DID of that registry nor the DID of "
                + "an issuer or verifier registered in it", did == null ? Set.of() : dids.registriesOf(did)));
    }
}
