package org.trustregistry.command.apikey;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.SystemActor;

/**
 * Puts the expiry of keys whose expiresAt passed on record (ApiKeyExpired, timed at expiresAt). Only
 * the record waits for this: authentication compares expiresAt with the clock itself.
 */
@Component
public class ApiKeyExpiryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyExpiryScheduler.class);

    private final ApiKeyCatalog catalog;
    private final CommandGateway commands;
    private final Clock clock;

    ApiKeyExpiryScheduler(ApiKeyCatalog catalog, CommandGateway commands, Clock clock) {
        this.catalog = catalog;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${trust-registry.expiry.poll-interval:PT5S}",
               initialDelayString = "${trust-registry.expiry.initial-delay:PT5S}")
    public void expireDue() {
        for (UUID keyId : catalog.dueForExpiry(clock.instant(), 100)) {
            try {
                commands.sendAndWait(SystemActor.command(new ExpireApiKey(keyId)));
                log.info("API key {} expired", keyId);
            } catch (RuleViolationException e) {
                log.info("API key {} not expired: {}", keyId, e.getMessage());
            }
        }
    }
}
