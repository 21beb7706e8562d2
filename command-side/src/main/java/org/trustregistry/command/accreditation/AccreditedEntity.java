package org.trustregistry.command.accreditation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * they are authorized for. The rules live here once; the subclasses only give their kind's events.
 * {@link AccreditedEntityCommandHandler} and {@link EntityAdmission} hand the commands in.
 */
public abstract class AccreditedEntity {

    @AggregateIdentifier
    private UUID id;
    private String did;
    private UUID registryId;
    private EntityStatus status;
    private String statusReason;
    private EntityProfile profile;
    /** When the current validity window was set (registration, profile update, renewal). */
    private Instant windowSetAt;
    private final Map<UUID, String> credentialTypes = new LinkedHashMap<>();

    /** The kind's events: all that issuers and verifiers do differently. */
    private final AccreditationEvents events;

    protected AccreditedEntity(AccreditationEvents events) {
        this.events = events;
    }

    /** Registration (the admission's checks passed), with the schemas to authorize at once. */
    void register(RegisterEntity command, List<SchemaCatalog.Entry> schemas, String actor, Instant now) {
        apply(events.registered(command.entityId(), command.did(), command.registryId(), command.profile(),
                actor, now))
                // after the registration is applied: the rules of authorize() read the new state
                .andThen(() -> schemas.forEach(schema -> authorize(schema, actor, now)));
    }

    void updateProfile(EntityProfile newProfile, String actor, Instant now) {
        expireIfDue(now);
        if (status.isFinal()) {
            throw new RuleViolationException(describe() + " is revoked; its profile can no longer change");
        }
        newProfile.validate();
        apply(events.profileUpdated(id, did, registryId, newProfile, actor, now));
        // a window that now ends in the past ends the accreditation from now on (never before the update)
        expireIfDue(now);
    }

    /**
     * Move to {@code target} by the one transition of the lifecycle that leads there from the current
     * status (ACTIVE means activate, reinstate or renew depending on where the entity stands).
     */
    void changeStatus(EntityStatus target, String reason, Instant renewedUntil, String actor, Instant now) {
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
    void expire(Instant now) {
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
    private void expireIfDue(Instant now) {
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
        apply(events.statusChanged(transition, id, did, registryId, status, reason,
                transition == LifecycleTransition.RENEW ? renewedUntil : null, actor, now));
    }

    void authorize(SchemaCatalog.Entry schema, String actor, Instant now) {
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
        apply(events.authorized(id, did, registryId,
                new CredentialTypeRef(schema.schemaId(), schema.credentialType()), actor, now));
    }

    void withdraw(UUID schemaId, String reason, String actor, Instant now) {
        expireIfDue(now);
        String type = credentialTypes.get(schemaId);
        if (type == null) {
            throw new UnknownReferenceException(describe() + " holds no credential type of schema " + schemaId);
        }
        apply(events.withdrawn(id, did, registryId, new CredentialTypeRef(schemaId, type), reason, actor, now));
    }

    public AccreditedEntityState state() {
        var types = new ArrayList<CredentialTypeRef>();
        credentialTypes.forEach((schemaId, type) -> types.add(new CredentialTypeRef(schemaId, type)));
        return new AccreditedEntityState(id, did, registryId, profile.name(), profile.trustFrameworkId(),
                profile.jurisdictions(), profile.contexts(), profile.accreditationLevel(), profile.validFrom(),
                profile.validUntil(), profile.endpoint(), profile.metadata(), status, statusReason, types);
    }

    private String describe() {
        return (events.entityType() == EntityType.ISSUER ? "Issuer " : "Verifier ") + id;
    }

    @EventSourcingHandler
    void on(EntityRegistered event) {
        if (event.entityType() != events.entityType()) {
            // the other kind's id: left without an identifier, Axon refuses to load it as this kind
            // (IncompatibleAggregateException, answered 404 like an unknown id) instead of appending to it
            return;
        }
        id = event.entityId();
        did = event.did();
        registryId = event.registryId();
        status = EntityStatus.PENDING;
        profile = EntityProfile.of(event);
        windowSetAt = event.registeredAt();
    }

    @EventSourcingHandler
    void on(EntityProfileUpdated event) {
        profile = EntityProfile.of(event);
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
