package org.trustregistry.command.accreditation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.shared.EntityType;

/**
 * A registry's owner registers issuers and verifiers in it and runs their lifecycle, profile and credential
 * types (entity_did_claims says whose an entity is, schema_catalog whose a schema is: the credential types
 * must be its own registry's too). Expiry is the registry's own act.
 */
@Component
class AccreditationAccessRules implements CommandAccessRules {

    private final Admission admission;
    private final SchemaCatalog schemas;

    AccreditationAccessRules(Admission admission, SchemaCatalog schemas) {
        this.admission = admission;
        this.schemas = schemas;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMayEach(RegisterEntity.class, "register", c -> withSchemas(
                        Target.newIn(aNew(c.entityType()), c.registryId()), aNew(c.entityType()) + " with the",
                        c.credentialTypes()))
                .ownerMay(UpdateEntityProfile.class, "change", c -> entity(c.entityType(), c.entityId()))
                .ownerMay(ChangeEntityStatus.class, "change the status of", c -> entity(c.entityType(), c.entityId()))
                .ownerMayEach(AuthorizeCredentialType.class, "authorize",
                        c -> withSchemas(Target.belongingTo("a credential type of " + kind(c.entityType()) + " "
                                + c.entityId(), registryOf(c.entityType(), c.entityId())), "the",
                                c.schemaId() == null ? List.of() : List.of(c.schemaId())))
                .ownerMay(WithdrawCredentialType.class, "withdraw a credential type from",
                        c -> entity(c.entityType(), c.entityId()))
                .systemOnly(ExpireEntity.class,
                        "Only the registry itself expires an issuer or verifier, when its validUntil has passed");
    }

    /** "issuer 42, which belongs to registry 7". */
    private Optional<Target> entity(EntityType type, UUID entityId) {
        return Target.belongingTo(kind(type) + " " + entityId, registryOf(type, entityId));
    }

    private Optional<UUID> registryOf(EntityType type, UUID entityId) {
        return entityId == null ? Optional.empty() : admission.registryOf(type, entityId);
    }

    /** The entity, and the schemas whose credential types it is to hold: another registry's are not the owner's. */
    private List<Optional<Target>> withSchemas(Optional<Target> entity, String what, List<UUID> schemaIds) {
        List<Optional<Target>> targets = new ArrayList<>(List.of(entity));
        for (UUID schemaId : schemaIds == null ? List.<UUID>of() : schemaIds) {
            targets.add(Target.belongingTo(what + " credential type of schema " + schemaId, schemaId == null
                    ? Optional.empty() : schemas.find(schemaId).map(SchemaCatalog.Entry::registryId)));
        }
        return targets;
    }

    private static String kind(EntityType type) {
        return type.name().toLowerCase();
    }

    /** What a registration makes: "an issuer", "a verifier". */
    private static String aNew(EntityType type) {
        return (type == EntityType.ISSUER ? "an " : "a ") + kind(type);
    }
}
