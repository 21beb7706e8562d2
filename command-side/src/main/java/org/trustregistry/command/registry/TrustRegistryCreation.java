package org.trustregistry.command.registry;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.Validation;
import org.trustregistry.shared.MessageMetadata;

/**
 * Creating a registry spans aggregates (one per ecosystem DID) and makes its first signing key; rotating
 * the key makes another. Both need more than the aggregate, so they are handled here.
 */
@Component
class TrustRegistryCreation {

    private final Configuration axon;
    private final RegistryCatalog catalog;
    private final SigningKeys keys;
    private final Clock clock;

    TrustRegistryCreation(Configuration axon, RegistryCatalog catalog, SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.axon = axon;
        this.catalog = catalog;
        this.clock = clock;
    }

    @CommandHandler
    TrustRegistryState handle(CreateTrustRegistry command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor)
            throws Exception {
        Validation.requireDid("ecosystemDid", command.ecosystemDid());
        catalog.claim(command.registryId(), command.ecosystemDid());
        return repository().newInstance(() -> new TrustRegistry(command, Validation.actorOrSystem(actor), clock, keys))
                .invoke(TrustRegistry::state);
    }

    @CommandHandler
    TrustRegistryState handle(RotateRegistrySigningKey command,
                              @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        var registry = repository().load(command.registryId().toString());
        registry.execute(r -> r.addSigningKey(keys, Validation.actorOrSystem(actor), clock.instant()));
        return registry.invoke(TrustRegistry::state);
    }

    /** Looked up when needed: Axon's configuration builds the repository after the Spring beans. */
    private Repository<TrustRegistry> repository() {
        return axon.repository(TrustRegistry.class);
    }
}
