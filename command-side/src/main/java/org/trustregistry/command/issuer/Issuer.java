package org.trustregistry.command.issuer;

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
import org.trustregistry.events.issuer.IssuerActivated;
import org.trustregistry.events.issuer.IssuerCredentialTypeAuthorized;
import org.trustregistry.events.issuer.IssuerCredentialTypeWithdrawn;
import org.trustregistry.events.issuer.IssuerExpired;
import org.trustregistry.events.issuer.IssuerProfileUpdated;
import org.trustregistry.events.issuer.IssuerRegistered;
import org.trustregistry.events.issuer.IssuerReinstated;
import org.trustregistry.events.issuer.IssuerRenewed;
import org.trustregistry.events.issuer.IssuerRevoked;
import org.trustregistry.events.issuer.IssuerSuspended;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.LifecycleTransition;
import org.trustregistry.shared.MessageMetadata;

/** An issuer of credentials in one registry. Registered by {@link IssuerAdmission}; the rules are in {@link AccreditedEntity}. */
@Aggregate
public class Issuer extends AccreditedEntity {

    protected Issuer() {
    }

    Issuer(RegisterIssuer command, List<SchemaCatalog.Entry> schemas, String actor, Instant now) {
        EntityProfile p = command.profile();
        apply(new IssuerRegistered(command.issuerId(), command.did(), command.registryId(), p.name(),
                p.trustFrameworkId(), p.jurisdictions(), p.contexts(), p.accreditationLevel(), p.validFrom(),
                p.validUntil(), p.endpoint(), p.metadata(), actor, now))
                // after the registration is applied: the rules of authorize() read the new state
                .andThen(() -> schemas.forEach(schema -> authorize(schema, actor, now)));
    }

    @CommandHandler
    AccreditedEntityState handle(UpdateIssuerProfile command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                                 Clock clock) {
        updateProfile(command.profile(), Validation.actorOrSystem(actor), clock.instant());
        return state();
    }

    @CommandHandler
    AccreditedEntityState handle(ChangeIssuerStatus command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                                 Clock clock) {
        changeStatus(command.status(), command.reason(), command.validUntil(), Validation.actorOrSystem(actor),
                clock.instant());
        return state();
    }

    @CommandHandler
    AccreditedEntityState handle(ExpireIssuer command, Clock clock) {
        expire(clock.instant());
        return state();
    }

    @CommandHandler
    AccreditedEntityState handle(WithdrawIssuerCredentialType command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        withdraw(command.schemaId(), command.reason(), Validation.actorOrSystem(actor), clock.instant());
        return state();
    }

    void authorizeCredentialType(SchemaCatalog.Entry schema, String actor, Instant now) {
        authorize(schema, actor, now);
    }

    @Override
    protected EntityType entityType() {
        return EntityType.ISSUER;
    }

    @Override
    protected Object profileUpdatedEvent(EntityProfile p, String actor, Instant at) {
        return new IssuerProfileUpdated(id, did, registryId, p.name(), p.trustFrameworkId(), p.jurisdictions(),
                p.contexts(), p.accreditationLevel(), p.validFrom(), p.validUntil(), p.endpoint(), p.metadata(),
                actor, at);
    }

    @Override
    protected Object statusChangedEvent(LifecycleTransition transition, EntityStatus previous, String reason,
                                        Instant renewedUntil, String actor, Instant at) {
        EntityStatus next = transition.target();
        return switch (transition) {
            case ACTIVATE -> new IssuerActivated(id, did, registryId, previous, next, reason, actor, at);
            case SUSPEND -> new IssuerSuspended(id, did, registryId, previous, next, reason, actor, at);
            case REINSTATE -> new IssuerReinstated(id, did, registryId, previous, next, reason, actor, at);
            case REVOKE -> new IssuerRevoked(id, did, registryId, previous, next, reason, actor, at);
            case EXPIRE -> new IssuerExpired(id, did, registryId, previous, next, reason, actor, at);
            case RENEW -> new IssuerRenewed(id, did, registryId, previous, next, reason, renewedUntil, actor, at);
        };
    }

    @Override
    protected Object credentialTypeAuthorizedEvent(CredentialTypeRef type, String actor, Instant at) {
        return new IssuerCredentialTypeAuthorized(id, did, registryId, type.schemaId(), type.credentialType(), actor,
                at);
    }

    @Override
    protected Object credentialTypeWithdrawnEvent(CredentialTypeRef type, String reason, String actor, Instant at) {
        return new IssuerCredentialTypeWithdrawn(id, did, registryId, type.schemaId(), type.credentialType(), reason,
                actor, at);
    }
}
