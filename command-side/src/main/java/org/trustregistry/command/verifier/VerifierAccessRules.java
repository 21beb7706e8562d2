package org.trustregistry.command.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.accreditation.Admission;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.shared.EntityType;

/**
 * A registry's owner registers verifiers in it and runs their lifecycle, profile and credential types
 * (entity_did_claims says whose a verifier is, schema_catalog whose a schema is: the credential types
 * must be its own registry's too). Expiry is the registry's own act.
 */
@Component
class VerifierAccessRules implements CommandAccessRules {

    private final Admission admission;
    private final SchemaCatalog schemas;

    VerifierAccessRules(Admission admission, SchemaCatalog schemas) {
        this.admission = admission;
        this.schemas = schemas;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMayEach(RegisterVerifier.class, "register", c -> withSchemas(
                        Target.newIn("a verifier", c.registryId()), "a verifier with the", c.credentialTypes()))
                .ownerMay(UpdateVerifierProfile.class, "change", c -> verifier(c.verifierId()))
                .ownerMay(ChangeVerifierStatus.class, "change the status of", c -> verifier(c.verifierId()))
                .ownerMayEach(AuthorizeVerifierCredentialType.class, "authorize",
                        c -> withSchemas(Target.belongingTo("a credential type of verifier " + c.verifierId(),
                                registryOf(c.verifierId())), "the", c.schemaId() == null ? List.of()
                                : List.of(c.schemaId())))
                .ownerMay(WithdrawVerifierCredentialType.class, "withdraw a credential type from",
                        c -> verifier(c.verifierId()))
                .systemOnly(ExpireVerifier.class,
                        "Only the registry itself expires a verifier, when its validUntil has passed");
    }

    private Optional<Target> verifier(UUID verifierId) {
        return Target.belongingTo("verifier " + verifierId, registryOf(verifierId));
    }

    private Optional<UUID> registryOf(UUID verifierId) {
        return verifierId == null ? Optional.empty() : admission.registryOf(EntityType.VERIFIER, verifierId);
    }

    /** The verifier, and the schemas whose credential types it is to hold: another registry's are not the owner's. */
    private List<Optional<Target>> withSchemas(Optional<Target> verifier, String what, List<UUID> schemaIds) {
        List<Optional<Target>> targets = new ArrayList<>(List.of(verifier));
        for (UUID schemaId : schemaIds == null ? List.<UUID>of() : schemaIds) {
            targets.add(Target.belongingTo(what + " credential type of schema " + schemaId, schemaId == null
                    ? Optional.empty() : schemas.find(schemaId).map(SchemaCatalog.Entry::registryId)));
        }
        return targets;
    }
}
