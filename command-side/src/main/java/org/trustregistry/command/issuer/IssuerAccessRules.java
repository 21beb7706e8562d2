package org.trustregistry.command.issuer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.accreditation.Admission;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;
import org.trustregistry.shared.EntityType;

/**
 * A registry's owner registers issuers in it and runs their lifecycle, profile and credential types
 * (entity_did_claims says whose an issuer is). Expiry is the registry's own act.
 */
@Component
class IssuerAccessRules implements CommandAccessRules {

    private final Admission admission;

    IssuerAccessRules(Admission admission) {
        this.admission = admission;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMay(RegisterIssuer.class, "register", c -> Target.newIn("an issuer", c.registryId()))
                .ownerMay(UpdateIssuerProfile.class, "change", c -> issuer(c.issuerId()))
                .ownerMay(ChangeIssuerStatus.class, "change the status of", c -> issuer(c.issuerId()))
                .ownerMay(AuthorizeIssuerCredentialType.class, "authorize a credential type for",
                        c -> issuer(c.issuerId()))
                .ownerMay(WithdrawIssuerCredentialType.class, "withdraw a credential type from",
                        c -> issuer(c.issuerId()))
                .systemOnly(ExpireIssuer.class,
                        "Only the registry itself expires an issuer, when its validUntil has passed");
    }

    private Optional<Target> issuer(UUID issuerId) {
        return Target.belongingTo("issuer " + issuerId, admission.registryOf(EntityType.ISSUER, issuerId));
    }
}
