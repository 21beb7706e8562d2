package org.trustregistry.command.issuer;

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
 * A registry's owner registers issuers in it and runs their lifecycle, profile and credential types
 * (entity_did_claims says whose an issuer is, schema_catalog whose a schema is: the credential types
 * must be its own registry's too). Expiry is the registry's own act.
 */
@Component
class IssuerAccessRules implements CommandAccessRules {

    private final Admission admission;
    private final SchemaCatalog schemas;

    IssuerAccessRules(Admission admission, SchemaCatalog schemas) {
        this.admission = admission;
        this.schemas = schemas;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMayEach(RegisterIssuer.class, "register", c -> withSchemas(
                        Target.newIn("an issuer", c.registryId()), "an issuer with the", c.credentialTypes()))
                .ownerMay(UpdateIssuerProfile.class, "change", c -> issuer(c.issuerId()))
                .ownerMay(ChangeIssuerStatus.class, "change the status of", c -> issuer(c.issuerId()))
                .ownerMayEach(AuthorizeIssuerCredentialType.class, "authorize",
                        c -> withSchemas(Target.belongingTo("a credential type of issuer " + c.issuerId(),
                                registryOf(c.issuerId())), "the", c.schemaId() == null ? List.of()
                                : List.of(c.schemaId())))
                .ownerMay(WithdrawIssuerCredentialType.class, "withdraw a credential type from",
                        c -> issuer(c.issuerId()))
                .systemOnly(ExpireIssuer.class,
                        "Only the registry itself expires an issuer, when its validUntil has passed");
    }

    private Optional<Target> issuer(UUID issuerId) {
        return Target.belongingTo("issuer " + issuerId, registryOf(issuerId));
    }

    private Optional<UUID> registryOf(UUID issuerId) {
        return issuerId == null ? Optional.empty() : admission.registryOf(EntityType.ISSUER, issuerId);
    }

    /** The issuer, and the schemas whose credential types it is to hold: another registry's are not the owner's. */
    private List<Optional<Target>> withSchemas(Optional<Target> issuer, String what, List<UUID> schemaIds) {
        List<Optional<Target>> targets = new ArrayList<>(List.of(issuer));
        for (UUID schemaId : schemaIds == null ? List.<UUID>of() : schemaIds) {
            targets.add(Target.belongingTo(what + " credential type of schema " + schemaId, schemaId == null
                    ? Optional.empty() : schemas.find(schemaId).map(SchemaCatalog.Entry::registryId)));
        }
        return targets;
    }
}
