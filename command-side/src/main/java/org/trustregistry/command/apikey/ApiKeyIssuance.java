package org.trustregistry.command.apikey;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.registry.RegistryCatalog;
import org.trustregistry.shared.MessageMetadata;

/** Issues a key; a registry owner's key must name a registry that exists. */
@Component
class ApiKeyIssuance {

    private final Configuration axon;
    private final RegistryCatalog registries;
    private final ApiKeySecretStore secrets;
    private final Clock clock;

    ApiKeyIssuance(Configuration axon, RegistryCatalog registries, ApiKeySecretStore secrets, Clock clock) {
        this.axon = axon;
        this.registries = registries;
        this.secrets = secrets;
        this.clock = clock;
    }

    @CommandHandler
    ApiKeyState handle(IssueApiKey command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) throws Exception {
        if (command.registryId() != null && registries.statusOf(command.registryId()).isEmpty()) {
            throw new UnknownReferenceException("Trust registry " + command.registryId() + " does not exist");
        }
        Instant now = Validation.toMicros(clock.instant());
        ApiKeyState state = repository().newInstance(() -> new ApiKey(command, Validation.actorOrSystem(actor), now))
                .invoke(key -> key.state(now));
        secrets.add(command.keyId(), command.secretHash());
        return state;
    }

    private Repository<ApiKey> repository() {
        return axon.repository(ApiKey.class);
    }
}
