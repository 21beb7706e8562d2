package org.trustregistry.query.federation;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.events.federation.FederationConnectionStatusChanged;
import org.trustregistry.query.common.NotFoundException;

/** Projects federation connections into federation_connections; every column comes from the events. */
@Component
@ProcessingGroup(FederationConnectionProjection.NAME)
public class FederationConnectionProjection {

    public static final String NAME = "federation-connections";

    private final FederationConnectionRepository connections;

    FederationConnectionProjection(FederationConnectionRepository connections) {
        this.connections = connections;
    }

    @EventHandler
    void on(FederationConnectionEstablished event, @SequenceNumber long sequence) {
        connections.insert(new FederationConnectionView(event, sequence));
    }

    @EventHandler
    void on(FederationConnectionStatusChanged event, @SequenceNumber long sequence) {
        find(event.connectionId()).status(event.newStatus().name(), event.reason(), event.effectiveAt(), sequence);
    }

    @ResetHandler
    void reset() {
        connections.deleteAllInBatch();
    }

    private FederationConnectionView find(UUID id) {
        return connections.findById(id)
                .orElseThrow(() -> new NotFoundException("federation connection " + id + " not projected"));
    }
}
