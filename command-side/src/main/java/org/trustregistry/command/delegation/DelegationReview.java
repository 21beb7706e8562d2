package org.trustregistry.command.delegation;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import org.trustregistry.command.accreditation.AccreditedEntityState;
import org.trustregistry.command.common.SystemActor;
import org.trustregistry.command.issuer.Issuer;

/**
 * Lapses the delegations an issuer can no longer back: all of them when it is not active, else those
 * naming a type it no longer holds. Each lapse is an event, and a lapsed delegation makes its
 * delegate reviewed in turn ({@link DelegationCascade}), so authority lost anywhere in a chain ends
 * everything below it, as of the moment it was lost.
 */
@Component
class DelegationReview {

    private final Configuration axon;
    private final DelegationCatalog delegations;
    private final CommandGateway commands;
    private final Clock clock;

    DelegationReview(Configuration axon, DelegationCatalog delegations, CommandGateway commands, Clock clock) {
        this.axon = axon;
        this.delegations = delegations;
        this.commands = commands;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ReviewDelegations command) {
        var given = delegations.givenBy(command.issuerId());
        if (given.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Holdings holdings;
        try {
            AccreditedEntityState issuer = axon.repository(Issuer.class).load(command.issuerId().toString())
                    .invoke(Issuer::state);
            holdings = Holdings.of(issuer, delegations.receivedBy(command.issuerId()), now);
        } catch (AggregateNotFoundException e) {
            holdings = Holdings.of(null, java.util.List.of(), now);
        }
        for (DelegationCatalog.Link link : given) {
            if (!holdings.holdsAll(link.schemaIds())) {
                commands.sendAndWait(SystemActor.command(
                        new LapseDelegation(link.delegationId(), command.cause(), command.effectiveAt())));
            }
        }
    }
}
