package org.trustregistry.command.federation;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.registry.RegistryCatalog;
import org.trustregistry.shared.MessageMetadata;

/**
 * Establishing a connection spans aggregates (the registry must be open, one open connection per
 * remote DID), so it is handled outside the aggregate; the connection's own rules are in
 * {@link FederationConnection}.
 */
@Component
class FederationConnectionEstablishment {

    private final Configuration axon;
    private final RegistryCatalog registries;
    private final FederationCatalog connections;
    private final Clock clock;

    FederationConnectionEstablishment(Configuration axon, RegistryCatalog registries, FederationCatalog connections,
                                      Clock clock) {
        this.axon = axon;
        this.registries = registries;
        this.connections = connections;
        this.clock = clock;
    }

    @CommandHandler
    FederationConnectionState handle(EstablishFederationConnection command,
                                     @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) throws Exception {
        // the aggregate's rules, checked before anything is claimed or created (its constructor checks them again)
        FederationConnection.requireValidTerms(command);
        registries.requireOpenRegistry(command.registryId());
        String ecosystemDid = registries.ecosystemDidOf(command.registryId()).orElseThrow();
        FederationConnection.requireOtherRegistry(command, ecosystemDid);
        connections.claim(command.connectionId(), command.registryId(), command.remoteRegistryDid());
        return repository().newInstance(() -> new FederationConnection(command, ecosystemDid,
                        Validation.actorOrSystem(actor), clock.instant()))
                .invoke(FederationConnection::state);
    }

    /** Looked up when needed: Axon's configuration builds the repository after the Spring beans. */
    private Repository<FederationConnection> repository() {
        return axon.repository(FederationConnection.class);
    }
}
