package org.trustregistry.query.schema;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.trustregistry.events.schema.CredentialSchemaRegistered;
import org.trustregistry.events.schema.CredentialSchemaStatusChanged;
import org.trustregistry.events.schema.CredentialSchemaUpdated;
import org.trustregistry.query.common.NotFoundException;

/** Projects credential schemas into credential_schemas. */
@Component
@ProcessingGroup(CredentialSchemaProjection.NAME)
public class CredentialSchemaProjection {

    public static final String NAME = "credential-schemas";

    private final CredentialSchemaRepository schemas;

    CredentialSchemaProjection(CredentialSchemaRepository schemas) {
        this.schemas = schemas;
    }

    @EventHandler
    void on(CredentialSchemaRegistered event, @SequenceNumber long sequence) {
        schemas.insert(new CredentialSchemaView(event, sequence));
    }

    @EventHandler
    void on(CredentialSchemaUpdated event, @SequenceNumber long sequence) {
        find(event.schemaId()).update(event, sequence);
    }

    @EventHandler
    void on(CredentialSchemaStatusChanged event, @SequenceNumber long sequence) {
        find(event.schemaId()).status(event.newStatus().name(), event.reason(), event.effectiveAt(), sequence);
    }

    @ResetHandler
    void reset() {
        schemas.deleteAllInBatch();
    }

    private CredentialSchemaView find(java.util.UUID id) {
        return schemas.findById(id).orElseThrow(() -> new NotFoundException("schema " + id + " not projected"));
    }
}
