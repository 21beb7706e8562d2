package org.trustregistry.command.federation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSideCatalogs;
import org.trustregistry.events.federation.FederationConnectionStatusChanged;

/**
 * Keeps the federation catalog's status in step, in the same transaction as the event (subscribing
 * processor): a terminated connection no longer blocks a new one to the same remote DID.
 */
@Component
@ProcessingGroup(CommandSideCatalogs.PROCESSING_GROUP)
class FederationCatalogUpdater {

    private final FederationCatalog catalog;

    FederationCatalogUpdater(FederationCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(FederationConnectionStatusChanged event) {
        catalog.updateStatus(event.connectionId(), event.newStatus());
    }
}
