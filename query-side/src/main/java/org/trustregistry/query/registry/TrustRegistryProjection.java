package org.trustregistry.query.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.trustregistry.events.registry.TrustRegistryCreated;
import org.trustregistry.events.registry.TrustRegistryFrameworkLinked;
import org.trustregistry.events.registry.TrustRegistryFrameworkUnlinked;
import org.trustregistry.events.registry.TrustRegistryStatusChanged;
import org.trustregistry.events.registry.TrustRegistryUpdated;
import org.trustregistry.query.common.NotFoundException;

/** Projects registries into trust_registries. */
@Component
@ProcessingGroup(TrustRegistryProjection.NAME)
public class TrustRegistryProjection {

    public static final String NAME = "trust-registries";

    private final TrustRegistryRepository registries;

    TrustRegistryProjection(TrustRegistryRepository registries) {
        this.registries = registries;
    }

    @EventHandler
    void on(TrustRegistryCreated event, @SequenceNumber long sequence) {
        TrustRegistryView view = new TrustRegistryView(event.registryId(), event.ecosystemDid(), event.actor(),
                event.createdAt());
        view.describe(event.name(), event.description(), event.governanceAuthority());
        view.linkFramework(event.trustFrameworkId());
        view.status(event.status().name(), null);
        view.touched(event.createdAt(), sequence);
        registries.insert(view);
    }

    @EventHandler
    void on(TrustRegistryUpdated event, @SequenceNumber long sequence) {
        TrustRegistryView view = find(event.registryId());
        view.describe(event.name(), event.description(), event.governanceAuthority());
        view.touched(event.updatedAt(), sequence);
    }

    @EventHandler
    void on(TrustRegistryStatusChanged event, @SequenceNumber long sequence) {
        TrustRegistryView view = find(event.registryId());
        view.status(event.newStatus().name(), event.reason());
        view.touched(event.effectiveAt(), sequence);
    }

    @EventHandler
    void on(TrustRegistryFrameworkLinked event, @SequenceNumber long sequence) {
        TrustRegistryView view = find(event.registryId());
        view.linkFramework(event.trustFrameworkId());
        view.touched(event.effectiveAt(), sequence);
    }

    @EventHandler
    void on(TrustRegistryFrameworkUnlinked event, @SequenceNumber long sequence) {
        TrustRegistryView view = find(event.registryId());
        view.linkFramework(null);
        view.touched(event.effectiveAt(), sequence);
    }

    @ResetHandler
    void reset() {
        registries.deleteAllInBatch();
    }

    private TrustRegistryView find(java.util.UUID id) {
        return registries.findById(id).orElseThrow(() -> new NotFoundException("registry " + id + " not projected"));
    }
}
