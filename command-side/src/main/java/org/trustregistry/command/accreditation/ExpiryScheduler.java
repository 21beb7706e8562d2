package org.trustregistry.command.accreditation;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.SystemActor;

/**
 * Expires issuers and verifiers whose validUntil has passed, by sending the expire command for each
 * due deadline. The aggregate decides: a deadline that no longer applies (the entity was revoked,
 * or is still pending) is refused by the rules and dropped.
 */
@Component
public class ExpiryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ExpiryScheduler.class);

    private final ExpiryDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final int batchSize;

    ExpiryScheduler(ExpiryDeadlines deadlines, CommandGateway commands, Clock clock,
                    @Value("${trust-registry.expiry.batch-size:100}") int batchSize) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${trust-registry.expiry.poll-interval:PT5S}",
               initialDelayString = "${trust-registry.expiry.initial-delay:PT5S}")
    public void expireDue() {
        for (ExpiryDeadlines.Deadline deadline : deadlines.due(clock.instant(), batchSize)) {
            try {
                commands.sendAndWait(SystemActor.command(
                        new ExpireEntity(deadline.entityType(), deadline.entityId())));
                log.info("{} {} expired: validUntil {} passed", deadline.entityType(), deadline.entityId(),
                        deadline.dueAt());
            } catch (RuleViolationException e) {
                log.info("Dropping expiry deadline of {} {}: {}", deadline.entityType(), deadline.entityId(),
                        e.getMessage());
                deadlines.cancel(deadline.entityId());
            }
        }
    }
}
