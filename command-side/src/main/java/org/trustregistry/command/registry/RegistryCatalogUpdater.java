package org.trustregistry.command.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSideCatalogs;
import org.trustregistry.events.registry.TrustRegistryStatusChanged;

/** Keeps the registry catalog's status in step, in the same transaction as the event (subscribing processor). */
@Component
@ProcessingGroup(CommandSideCatalogs.PROCESSING_GROUP)
class RegistryCatalogUpdater {

    private final RegistryCatalog catalog;

    RegistryCatalogUpdater(RegistryCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(TrustRegistryStatusChanged event) {
        catalog.updateStatus(event.registryId(), event.newStatus());
    }
}
