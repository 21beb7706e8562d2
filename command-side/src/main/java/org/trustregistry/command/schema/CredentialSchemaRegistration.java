package org.trustregistry.command.schema;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.registry.RegistryCatalog;
import org.trustregistry.shared.MessageMetadata;

/** Registering a schema checks its registry (another aggregate), so it is handled outside the aggregate. */
@Component
class CredentialSchemaRegistration {

    private final Configuration axon;
    private final RegistryCatalog registries;
    private final SchemaCatalog schemas;
    private final JsonSchemaPolicy jsonSchemas;
    private final Clock clock;

    CredentialSchemaRegistration(Configuration axon, RegistryCatalog registries, SchemaCatalog schemas,
                                 JsonSchemaPolicy jsonSchemas, Clock clock) {
        this.axon = axon;
        this.registries = registries;
        this.schemas = schemas;
        this.jsonSchemas = jsonSchemas;
        this.clock = clock;
    }

    @CommandHandler
    CredentialSchemaState handle(RegisterCredentialSchema command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) throws Exception {
        if (command.type() == null || command.type().isBlank()) {
            throw new InvalidCommandException("type", "the credential type is required");
        }
        jsonSchemas.requireValid(command.jsonSchema());
        registries.requireOpenRegistry(command.registryId());
        schemas.add(command.schemaId(), command.registryId(), command.type());
        return repository().newInstance(() -> new CredentialSchema(command, Validation.actorOrSystem(actor), clock))
                .invoke(CredentialSchema::state);
    }

    /** Looked up when needed: Axon's configuration builds the repository after the Spring beans. */
    private Repository<CredentialSchema> repository() {
        return axon.repository(CredentialSchema.class);
    }
}
