package org.trustregistry.command.apikey;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.common.access.Actor;
import org.trustregistry.command.registry.RegistryCatalog;
import org.trustregistry.shared.MessageMetadata;

/** Issues a key; a registry owner's key must name a registry that exists. */
@Component
class ApiKeyIssuance {

    private final Configuration axon;
    private final RegistryCatalog registries;
    private final ApiKeySecretStore secrets;
    private final ApiKeyCatalog keys;
    private final Clock clock;

    ApiKeyIssuance(Configuration axon, RegistryCatalog registries, ApiKeySecretStore secrets, ApiKeyCatalog keys,
                   Clock clock) {
        this.axon = axon;
        this.registries = registries;
        this.secrets = secrets;
        this.keys = keys;
        this.clock = clock;
    }

    @CommandHandler
    ApiKeyState handle(IssueApiKey command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                       @MetaDataValue(MessageMetadata.ACTOR_ROLE) String actorRole) throws Exception {
        if (command.registryId() != null && registries.statusOf(command.registryId()).isEmpty()) {
            throw new UnknownReferenceException("Trust registry " + command.registryId() + " does not exist");
        }
        if (Actor.Role.REGISTRY_OWNER.value().equals(actorRole)) {
            requireNoLongerThanIssuer(command, actor);
        }
        Instant now = Validation.toMicros(clock.instant());
        ApiKeyState state = repository().newInstance(() -> new ApiKey(command, Validation.actorOrSystem(actor), now))
                .invoke(key -> key.state(now));
        secrets.add(command.keyId(), command.secretHash());
        return state;
    }

    /**
     * A key a registry owner issues ends no later than the owner's own key: an expiring key must not be able to
     * mint a successor that outlives it (its expiry would mean nothing).
     */
    private void requireNoLongerThanIssuer(IssueApiKey command, String actor) {
        java.util.Optional<java.time.Instant> issuerEnd;
        try {
            issuerEnd = keys.expiresAt(java.util.UUID.fromString(actor));
        } catch (IllegalArgumentException | NullPointerException notAKey) {
            return;
        }
        issuerEnd.ifPresent(end -> {
            if (command.expiresAt() == null || command.expiresAt().isAfter(end)) {
                throw new InvalidCommandException("expiresAt", "a key issued with a registry_owner key expires no "
                        + "later than that key, at " + end);
            }
        });
    }

    private Repository<ApiKey> repository() {
        return axon.repository(ApiKey.class);
    }
}
