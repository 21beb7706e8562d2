package org.trustregistry.command.delegation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.SystemActor;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.events.delegation.DelegationLapsed;
import org.trustregistry.events.delegation.DelegationRevoked;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.MessageMetadata;

/**
 * When an issuer loses authority — suspended, revoked, expired, a credential type withdrawn, or a
 * delegation it relied on ended — its own delegations are reviewed. Runs in its own streaming
 * processor: its position is stored, so a cause committed just before a crash is still acted on after
 * the restart; it never replays history (a replay would act on old causes).
 */
@Component
@ProcessingGroup(DelegationCascade.PROCESSING_GROUP)
@DisallowReplay
class DelegationCascade {

    static final String PROCESSING_GROUP = "delegation-cascade";

    private final CommandGateway commands;

    DelegationCascade(CommandGateway commands) {
        this.commands = commands;
    }

    private void review(ReviewDelegations command, String requestId) {
        commands.sendAndWait(SystemActor.commandCausedBy(command, requestId));
    }

    @EventHandler
    void on(EntityStatusChanged event, @MetaDataValue(MessageMetadata.REQUEST_ID) String requestId) {
        if (event.entityType() == EntityType.ISSUER && event.newStatus() != EntityStatus.ACTIVE) {
            review(new ReviewDelegations(event.entityId(),
                    "delegator " + event.newStatus().name().toLowerCase()
                            + (event.reason() == null ? "" : ": " + event.reason()),
                    event.effectiveAt()), requestId);
        }
    }

    @EventHandler
    void on(CredentialTypeWithdrawn event, @MetaDataValue(MessageMetadata.REQUEST_ID) String requestId) {
        if (event.entityType() == EntityType.ISSUER) {
            review(new ReviewDelegations(event.entityId(),
                    "delegator no longer holds " + event.credentialType(), event.effectiveAt()), requestId);
        }
    }

    @EventHandler
    void on(DelegationRevoked event, @MetaDataValue(MessageMetadata.REQUEST_ID) String requestId) {
        review(new ReviewDelegations(event.delegateIssuerId(),
                "delegation " + event.delegationId() + " it relied on was revoked", event.effectiveAt()), requestId);
    }

    @EventHandler
    void on(DelegationLapsed event, @MetaDataValue(MessageMetadata.REQUEST_ID) String requestId) {
        review(new ReviewDelegations(event.delegateIssuerId(),
                "delegation " + event.delegationId() + " it relied on lapsed (" + event.reason() + ")",
                event.effectiveAt()), requestId);
    }
}
