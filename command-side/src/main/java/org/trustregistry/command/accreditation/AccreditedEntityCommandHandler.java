package org.trustregistry.command.accreditation;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.Validation;
import org.trustregistry.shared.MessageMetadata;

/**
 * The issuer and verifier commands the entity decides alone: the aggregate of the kind the command names
 * is loaded and asked. Outside the aggregates because both kinds take the same commands (Axon routes a
 * command type to one handler); {@link EntityAdmission} has those that need other aggregates' facts.
 */
@Component
public class AccreditedEntityCommandHandler {

    private final AccreditedEntities entities;

    public AccreditedEntityCommandHandler(AccreditedEntities entities) {
        this.entities = entities;
    }

    @CommandHandler
    AccreditedEntityState handle(UpdateEntityProfile command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                                 Clock clock) {
        return entities.load(command.entityType(), command.entityId()).invoke(entity -> {
            entity.updateProfile(command.profile(), Validation.actorOrSystem(actor), clock.instant());
            return entity.state();
        });
    }

    @CommandHandler
    AccreditedEntityState handle(ChangeEntityStatus command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                                 Clock clock) {
        return entities.load(command.entityType(), command.entityId()).invoke(entity -> {
            entity.changeStatus(command.status(), command.reason(), command.validUntil(),
                    Validation.actorOrSystem(actor), clock.instant());
            return entity.state();
        });
    }

    @CommandHandler
    AccreditedEntityState handle(ExpireEntity command, Clock clock) {
        return entities.load(command.entityType(), command.entityId()).invoke(entity -> {
            entity.expire(clock.instant());
            return entity.state();
        });
    }

    @CommandHandler
    AccreditedEntityState handle(WithdrawCredentialType command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        return entities.load(command.entityType(), command.entityId()).invoke(entity -> {
            entity.withdraw(command.schemaId(), command.reason(), Validation.actorOrSystem(actor), clock.instant());
            return entity.state();
        });
    }
}
