package org.trustregistry.command.schema;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSideCatalogs;
import org.trustregistry.events.schema.CredentialSchemaStatusChanged;

/** Keeps the schema catalog's status in step, in the same transaction as the event. */
@Component
@ProcessingGroup(CommandSideCatalogs.PROCESSING_GROUP)
class SchemaCatalogUpdater {

    private final SchemaCatalog catalog;

    SchemaCatalogUpdater(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(CredentialSchemaStatusChanged event) {
        catalog.updateStatus(event.schemaId(), event.newStatus());
    }
}
