package org.trustregistry.command.verifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.accreditation.AccreditedEntity;
import org.trustregistry.command.accreditation.AccreditedEntityState;
import org.trustregistry.command.accreditation.EntityProfile;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.events.verifier.VerifierActivated;
import org.trustregistry.events.verifier.VerifierCredentialTypeAuthorized;
import org.trustregistry.events.verifier.VerifierCredentialTypeWithdrawn;
import org.trustregistry.events.verifier.VerifierExpired;
import org.trustregistry.events.verifier.VerifierProfileUpdated;
import org.trustregistry.events.verifier.VerifierRegistered;
import org.trustregistry.events.verifier.VerifierReinstated;
import org.trustregistry.events.verifier.VerifierRenewed;
import org.trustregistry.events.verifier.VerifierRevoked;
import org.trustregistry.events.verifier.VerifierSuspended;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.LifecycleTransition;
import org.trustregistry.shared.MessageMetadata;

/** A verifier of credentials in one registry. Registered by {@link VerifierAdmission}; the rules are in {@link AccreditedEntity}. */
@Aggregate
public class Verifier extends AccreditedEntity {

    protected Verifier() {
    }

    Verifier(RegisterVerifier command, List<SchemaCatalog.Entry> schemas, String actor, Instant now) {
        EntityProfile p = command.profile();
        apply(new VerifierRegistered(command.verifierId(), command.did(), command.registryId(), p.name(),
                p.trustFrameworkId(), p.jurisdictions(), p.contexts(), p.accreditationLevel(), p.validFrom(),
                p.validUntil(), p.endpoint(), p.metadata(), actor, now))
                // after the registration is applied: the rules of authorize() read the new state
                .andThen(() -> schemas.forEach(schema -> authorize(schema, actor, now)));
    }

    @CommandHandler
    AccreditedEntityState handle(UpdateVerifierProfile command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                                 Clock clock) {
        updateProfile(command.profile(), Validation.actorOrSystem(actor), clock.instant());
        return state();
    }

    @CommandHandler
    AccreditedEntityState handle(ChangeVerifierStatus command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                                 Clock clock) {
        changeStatus(command.status(), command.reason(), command.validUntil(), Validation.actorOrSystem(actor),
                clock.instant());
        return state();
    }

    @CommandHandler
    AccreditedEntityState handle(ExpireVerifier command, Clock clock) {
        expire(clock.instant());
        return state();
    }

    @CommandHandler
    AccreditedEntityState handle(WithdrawVerifierCredentialType command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        withdraw(command.schemaId(), command.reason(), Validation.actorOrSystem(actor), clock.instant());
        return state();
    }

    void authorizeCredentialType(SchemaCatalog.Entry schema, String actor, Instant now) {
        authorize(schema, actor, now);
    }

    @Override
    protected EntityType entityType() {
        return EntityType.VERIFIER;
    }

    @Override
    protected Object profileUpdatedEvent(EntityProfile p, String actor, Instant at) {
        return new VerifierProfileUpdated(id, did, registryId, p.name(), p.trustFrameworkId(), p.jurisdictions(),
                p.contexts(), p.accreditationLevel(), p.validFrom(), p.validUntil(), p.endpoint(), p.metadata(),
                actor, at);
    }

    @Override
    protected Object statusChangedEvent(LifecycleTransition transition, EntityStatus previous, String reason,
                                        Instant renewedUntil, String actor, Instant at) {
        EntityStatus next = transition.target();
        return switch (transition) {
            case ACTIVATE -> new VerifierActivated(id, did, registryId, previous, next, reason, actor, at);
            case SUSPEND -> new VerifierSuspended(id, did, registryId, previous, next, reason, actor, at);
            case REINSTATE -> new VerifierReinstated(id, did, registryId, previous, next, reason, actor, at);
            case REVOKE -> new VerifierRevoked(id, did, registryId, previous, next, reason, actor, at);
            case EXPIRE -> new VerifierExpired(id, did, registryId, previous, next, reason, actor, at);
            case RENEW -> new VerifierRenewed(id, did, registryId, previous, next, reason, renewedUntil, actor, at);
        };
    }

    @Override
    protected Object credentialTypeAuthorizedEvent(CredentialTypeRef type, String actor, Instant at) {
        return new VerifierCredentialTypeAuthorized(id, did, registryId, type.schemaId(), type.credentialType(), actor,
                at);
    }

    @Override
    protected Object credentialTypeWithdrawnEvent(CredentialTypeRef type, String reason, String actor, Instant at) {
        return new VerifierCredentialTypeWithdrawn(id, did, registryId, type.schemaId(), type.credentialType(), reason,
                actor, at);
    }
}
