package org.trustregistry.command.verifier;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.accreditation.Admission;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;
import org.trustregistry.shared.EntityType;

/**
 * A registry's owner registers verifiers in it and runs their lifecycle, profile and credential types
 * (entity_did_claims says whose a verifier is). Expiry is the registry's own act.
 */
@Component
class VerifierAccessRules implements CommandAccessRules {

    private final Admission admission;

    VerifierAccessRules(Admission admission) {
        this.admission = admission;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMay(RegisterVerifier.class, "register", c -> Target.newIn("a verifier", c.registryId()))
                .ownerMay(UpdateVerifierProfile.class, "change", c -> verifier(c.verifierId()))
                .ownerMay(ChangeVerifierStatus.class, "change the status of", c -> verifier(c.verifierId()))
                .ownerMay(AuthorizeVerifierCredentialType.class, "authorize a credential type for",
                        c -> verifier(c.verifierId()))
                .ownerMay(WithdrawVerifierCredentialType.class, "withdraw a credential type from",
                        c -> verifier(c.verifierId()))
                .systemOnly(ExpireVerifier.class,
                        "Only the registry itself expires a verifier, when its validUntil has passed");
    }

    private Optional<Target> verifier(UUID verifierId) {
        return Target.belongingTo("verifier " + verifierId, admission.registryOf(EntityType.VERIFIER, verifierId));
    }
}
