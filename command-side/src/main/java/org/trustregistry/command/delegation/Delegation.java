package org.trustregistry.command.delegation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.events.delegation.DelegationGranted;
import org.trustregistry.events.delegation.DelegationLapsed;
import org.trustregistry.events.delegation.DelegationRevoked;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.DelegationStatus;
import org.trustregistry.shared.MessageMetadata;

/**
 * A delegation of credential types from one issuer to another. Granted by {@link DelegationGranting},
 * which checks the rules that need other aggregates; lapsed by {@link DelegationReview}.
 */
@Aggregate
public class Delegation {

    @AggregateIdentifier
    private UUID id;
    private UUID registryId;
    private UUID delegatorIssuerId;
    private UUID delegateIssuerId;
    private List<CredentialTypeRef> credentialTypes;
    private List<String> jurisdictions;
    private List<String> contexts;
    private Instant validFrom;
    private Instant validUntil;
    private Map<String, Object> proof;
    private int depth;
    private DelegationStatus status;
    private String statusReason;

    protected Delegation() {
    }

    Delegation(DelegationGranted granted) {
        apply(granted);
    }

    @CommandHandler
    DelegationState handle(RevokeDelegation command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                           Clock clock) {
        if (command.delegatorIssuerId() != null && !command.delegatorIssuerId().equals(delegatorIssuerId)) {
            throw new UnknownReferenceException("Issuer " + command.delegatorIssuerId() + " gave no delegation " + id);
        }
        if (status != DelegationStatus.ACTIVE) {
            throw new IllegalTransitionException("Delegation " + id, status, DelegationStatus.REVOKED);
        }
        Validation.requireReason(command.reason());
        apply(new DelegationRevoked(id, registryId, delegatorIssuerId, delegateIssuerId, command.reason(),
                Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    /** Lapsing is idempotent: a delegation that already ended stays as it is. */
    @CommandHandler
    DelegationState handle(LapseDelegation command) {
        if (status == DelegationStatus.ACTIVE) {
            apply(new DelegationLapsed(id, registryId, delegatorIssuerId, delegateIssuerId, command.reason(),
                    MessageMetadata.SYSTEM_ACTOR, command.effectiveAt()));
        }
        return state();
    }

    DelegationState state() {
        return new DelegationState(id, registryId, delegatorIssuerId, delegateIssuerId, credentialTypes, jurisdictions,
                contexts, validFrom, validUntil, proof, depth, status, statusReason);
    }

    @EventSourcingHandler
    void on(DelegationGranted event) {
        id = event.delegationId();
        registryId = event.registryId();
        delegatorIssuerId = event.delegatorIssuerId();
        delegateIssuerId = event.delegateIssuerId();
        credentialTypes = event.credentialTypes();
        jurisdictions = event.jurisdictions();
        contexts = event.contexts();
        validFrom = event.validFrom();
        validUntil = event.validUntil();
        proof = event.proof();
        depth = event.depth();
        status = DelegationStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(DelegationRevoked event) {
        status = DelegationStatus.REVOKED;
        statusReason = event.reason();
    }

    @EventSourcingHandler
    void on(DelegationLapsed event) {
        status = DelegationStatus.LAPSED;
        statusReason = event.reason();
    }
}
