package org.trustregistry.command.accreditation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.shared.MessageMetadata;

/**
 * The issuer and verifier commands that need other aggregates' facts (registry, DID claims, schemas)
 * before the entity decides.
 */
@Component
class EntityAdmission {

    private final AccreditedEntities entities;
    private final Admission admission;
    private final Clock clock;

    EntityAdmission(AccreditedEntities entities, Admission admission, Clock clock) {
        this.entities = entities;
        this.admission = admission;
        this.clock = clock;
    }

    @CommandHandler
    AccreditedEntityState handle(RegisterEntity command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor)
            throws Exception {
        List<SchemaCatalog.Entry> schemas = admission.admit(command.entityType(), command.entityId(), command.did(),
                command.registryId(), command.profile(), command.credentialTypes());
        Instant now = clock.instant();
        return entities.create(command.entityType(),
                        entity -> entity.register(command, schemas, Validation.actorOrSystem(actor), now))
                .invoke(AccreditedEntity::state);
    }

    @CommandHandler
    AccreditedEntityState handle(AuthorizeCredentialType command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        SchemaCatalog.Entry schema = admission.schema(command.schemaId());
        return entities.load(command.entityType(), command.entityId()).invoke(entity -> {
            entity.authorize(schema, Validation.actorOrSystem(actor), clock.instant());
            return entity.state();
        });
    }
}
