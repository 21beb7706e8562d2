package org.trustregistry.command.accreditation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;
import org.trustregistry.events.accreditation.EntityProfileUpdated;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.accreditation.EntityRenewed;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.LifecycleTransition;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.SchemaStatus;

/**
 * What issuers and verifiers have in common: the lifecycle, the profile and the credential types
 * they are authorized for. The rules live here once; the subclasses only name their events.
 */
public abstract class AccreditedEntity {

    @AggregateIdentifier
    protected UUID id;
    protected String did;
    protected UUID registryId;
    protected EntityStatus status;
    protected String statusReason;
    protected EntityProfile profile;
    /** When the current validity window was set (registration, profile update, renewal). */
    protected Instant windowSetAt;
    protected final Map<UUID, String> credentialTypes = new LinkedHashMap<>();

    protected abstract EntityType entityType();

    protected abstract Object profileUpdatedEvent(EntityProfile profile, String actor, Instant at);

    protected abstract Object statusChangedEvent(LifecycleTransition transition, EntityStatus previous,
                                                 String reason, Instant renewedUntil, String actor, Instant at);

    protected abstract Object credentialTypeAuthorizedEvent(CredentialTypeRef type, String actor, Instant at);

    protected abstract Object credentialTypeWithdrawnEvent(CredentialTypeRef type, String reason, String actor,
                                                           Instant at);

    protected void updateProfile(EntityProfile newProfile, String actor, Instant now) {
        expireIfDue(now);
        if (status.isFinal()) {
            throw new RuleViolationException(describe() + " is revoked; its profile can no longer change");
        }
        newProfile.validate();
        apply(profileUpdatedEvent(newProfile, actor, now));
        // a window that now ends in the past ends the accreditation from now on (never before the update)
        expireIfDue(now);
    }

    /**
     * Move to {@code target} by the one transition of the lifecycle that leads there from the current
     * status (ACTIVE means activate, reinstate or renew depending on where the entity stands).
     */
    protected void changeStatus(EntityStatus target, String reason, Instant renewedUntil, String actor, Instant now) {
        if (target == null) {
            throw new InvalidCommandException("status", "the target status is required");
        }
        expireIfDue(now);
        LifecycleTransition transition = LifecycleTransition.leadingFrom(status, target)
                // expiry is the registry's own act when validUntil passes, never an operator's
                .filter(t -> t != LifecycleTransition.EXPIRE)
                .orElseThrow(() -> new IllegalTransitionException(describe(), status, target));
        perform(transition, reason, Validation.toMicros(renewedUntil), actor, now);
    }

    /** Expiry is the registry's own act, when validUntil has passed. */
    protected void expire(Instant now) {
        if (!profile.window().hasEndedAt(now)) {
            throw new RuleViolationException(describe() + " is valid until " + profile.validUntil()
                    + "; it cannot expire before then");
        }
        perform(LifecycleTransition.EXPIRE, "validUntil " + profile.validUntil() + " passed", null,
                MessageMetadata.SYSTEM_ACTOR, expiryEffectiveAt());
    }

    /**
     * Before any other change, an entity whose window has ended expires first: nothing can be recorded
     * for it after its validUntil without the expiry before it, so its history stays in time order
     * however late the scheduler runs (or after downtime).
     */
    protected void expireIfDue(Instant now) {
        if ((status == EntityStatus.ACTIVE || status == EntityStatus.SUSPENDED) && profile.window().hasEndedAt(now)) {
            expire(now);
        }
    }

    /**
     * An expiry takes effect at validUntil itself, not when the registry gets round to recording it;
     * only a window set after its own end (validUntil moved into the past) ends when it was set.
     */
    private Instant expiryEffectiveAt() {
        Instant until = profile.validUntil();
        return windowSetAt != null && windowSetAt.isAfter(until) ? windowSetAt : until;
    }

    private void perform(LifecycleTransition transition, String reason, Instant renewedUntil, String actor,
                         Instant now) {
        if (!transition.isAllowedFrom(status)) {
            throw new IllegalTransitionException(describe(), status, transition.target());
        }
        if (transition != LifecycleTransition.ACTIVATE && transition != LifecycleTransition.EXPIRE) {
            Validation.requireReason(reason);
        }
        switch (transition) {
            case ACTIVATE, REINSTATE -> {
                if (profile.window().hasEndedAt(now)) {
                    throw new RuleViolationException(describe() + " was valid only until " + profile.validUntil()
                            + "; it cannot become active again except by renewal with a new validUntil");
                }
            }
            case RENEW -> {
                if (renewedUntil == null || !renewedUntil.isAfter(now)) {
                    throw new InvalidCommandException("validUntil",
                            "renewing an expired entity needs a new validUntil in the future");
                }
                Validation.requireWindow(profile.validFrom(), renewedUntil);
            }
            default -> {
            }
        }
        apply(statusChangedEvent(transition, status, reason,
                transition == LifecycleTransition.RENEW ? renewedUntil : null, actor, now));
    }

    protected void authorize(SchemaCatalog.Entry schema, String actor, Instant now) {
        expireIfDue(now);
        if (status.isFinal()) {
            throw new RuleViolationException(describe() + " is revoked and can be authorized for nothing");
        }
        if (!schema.registryId().equals(registryId)) {
            throw new UnknownReferenceException("No schema " + schema.schemaId() + " in registry " + registryId);
        }
        if (schema.status() != SchemaStatus.ACTIVE) {
            throw new RuleViolationException("Schema " + schema.schemaId() + " is " + schema.status()
                    + " and cannot be newly authorized");
        }
        if (credentialTypes.containsKey(schema.schemaId())) {
            throw new RuleViolationException(describe() + " is already authorized for " + schema.credentialType());
        }
        apply(credentialTypeAuthorizedEvent(new CredentialTypeRef(schema.schemaId(), schema.credentialType()),
                actor, now));
    }

    protected void withdraw(UUID schemaId, String reason, String actor, Instant now) {
        expireIfDue(now);
        String type = credentialTypes.get(schemaId);
        if (type == null) {
            throw new UnknownReferenceException(describe() + " holds no credential type of schema " + schemaId);
        }
        apply(credentialTypeWithdrawnEvent(new CredentialTypeRef(schemaId, type), reason, actor, now));
    }

    public AccreditedEntityState state() {
        var types = new ArrayList<CredentialTypeRef>();
        credentialTypes.forEach((schemaId, type) -> types.add(new CredentialTypeRef(schemaId, type)));
        return new AccreditedEntityState(id, did, registryId, profile.name(), profile.trustFrameworkId(),
                profile.jurisdictions(), profile.contexts(), profile.accreditationLevel(), profile.validFrom(),
                profile.validUntil(), profile.endpoint(), profile.metadata(), status, statusReason, types);
    }

    protected String describe() {
        return (entityType() == EntityType.ISSUER ? "Issuer " : "Verifier ") + id;
    }

    @EventSourcingHandler
    void on(EntityRegistered event) {
        id = event.entityId();
        did = event.did();
        registryId = event.registryId();
        status = EntityStatus.PENDING;
        profile = new EntityProfile(event.name(), event.trustFrameworkId(), event.jurisdictions(), event.contexts(),
                event.accreditationLevel(), event.validFrom(), event.validUntil(), event.endpoint(), event.metadata());
        windowSetAt = event.registeredAt();
    }

    @EventSourcingHandler
    void on(EntityProfileUpdated event) {
        profile = new EntityProfile(event.name(), event.trustFrameworkId(), event.jurisdictions(), event.contexts(),
                event.accreditationLevel(), event.validFrom(), event.validUntil(), event.endpoint(), event.metadata());
        windowSetAt = event.updatedAt();
    }

    @EventSourcingHandler
    void on(EntityStatusChanged event) {
        status = event.newStatus();
        statusReason = event.reason();
    }

    @EventSourcingHandler
    void on(EntityRenewed event) {
        on((EntityStatusChanged) event);
        profile = profile.validUntil(event.validUntil());
        windowSetAt = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(CredentialTypeAuthorized event) {
        credentialTypes.put(event.schemaId(), event.credentialType());
    }

    @EventSourcingHandler
    void on(CredentialTypeWithdrawn event) {
        credentialTypes.remove(event.schemaId());
    }
}
