package org.trustregistry.command.federation;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;

/**
 * A registry's owner decides which other registries it recognizes: it establishes its federation
 * connections and changes their status (federation_catalog says whose a connection is).
 */
@Component
class FederationAccessRules implements CommandAccessRules {

    private final FederationCatalog connections;

    FederationAccessRules(FederationCatalog connections) {
        this.connections = connections;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMay(EstablishFederationConnection.class, "establish",
                        c -> Target.newIn("a federation connection", c.registryId()))
                .ownerMay(ChangeFederationConnectionStatus.class, "change the status of", this::connection);
    }

    /** The connection's registry; for one that does not exist, the registry it is addressed through. */
    private Optional<Target> connection(ChangeFederationConnectionStatus command) {
        Optional<UUID> registry = command.connectionId() == null ? Optional.empty()
                : connections.registryOf(command.connectionId());
        return registry.isPresent()
                ? Target.belongingTo("federation connection " + command.connectionId(), registry)
                : Target.newIn("a federation connection", command.registryId());
    }
}
