package org.trustregistry.command.schema;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;

/** A registry's owner registers, changes and deprecates its schemas (schema_catalog says whose a schema is). */
@Component
class SchemaAccessRules implements CommandAccessRules {

    private final SchemaCatalog schemas;

    SchemaAccessRules(SchemaCatalog schemas) {
        this.schemas = schemas;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMay(RegisterCredentialSchema.class, "register", c -> Target.newIn("a schema", c.registryId()))
                .ownerMay(UpdateCredentialSchema.class, "change", c -> schema(c.schemaId()))
                .ownerMay(ChangeCredentialSchemaStatus.class, "change the status of", c -> schema(c.schemaId()));
    }

    private Optional<Target> schema(UUID schemaId) {
        return Target.belongingTo("schema " + schemaId,
                schemaId == null ? Optional.empty() : schemas.find(schemaId).map(SchemaCatalog.Entry::registryId));
    }
}
