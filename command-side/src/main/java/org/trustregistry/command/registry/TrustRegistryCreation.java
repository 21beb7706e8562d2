package org.trustregistry.command.registry;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.Validation;
import org.trustregistry.shared.MessageMetadata;

/** Creating a registry spans aggregates (one per ecosystem DID), so it is handled outside the aggregate. */
@Component
class TrustRegistryCreation {

    private final Configuration axon;
    private final RegistryCatalog catalog;
    private final Clock clock;

    TrustRegistryCreation(Configuration axon, RegistryCatalog catalog, Clock clock) {
        this.axon = axon;
        this.catalog = catalog;
        this.clock = clock;
    }

    @CommandHandler
    TrustRegistryState handle(CreateTrustRegistry command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor)
            throws Exception {
        Validation.requireDid("ecosystemDid", command.ecosystemDid());
        catalog.claim(command.registryId(), command.ecosystemDid());
        return repository().newInstance(() -> new TrustRegistry(command, Validation.actorOrSystem(actor), clock))
                .invoke(TrustRegistry::state);
    }

    /** Looked up when needed: Axon's configuration builds the repository after the Spring beans. */
    private Repository<TrustRegistry> repository() {
        return axon.repository(TrustRegistry.class);
    }
}
