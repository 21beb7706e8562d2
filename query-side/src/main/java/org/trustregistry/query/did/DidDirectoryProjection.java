package org.trustregistry.query.did;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.events.registry.TrustRegistryCreated;
import org.trustregistry.shared.Did;

/**
 * Every DID the registry knows, with its roles: registries' ecosystem DIDs, issuers, verifiers and the
 * remote registries they federate with.
 */
@Component
@ProcessingGroup(DidDirectoryProjection.NAME)
public class DidDirectoryProjection {

    public static final String NAME = "did-directory";

    private final DidDirectoryRepository directory;

    DidDirectoryProjection(DidDirectoryRepository directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(TrustRegistryCreated event) {
        know(event.ecosystemDid(), "registry", event.createdAt());
    }

    @EventHandler
    void on(EntityRegistered event) {
        know(event.did(), event.entityType().name().toLowerCase(), event.registeredAt());
    }

    @EventHandler
    void on(FederationConnectionEstablished event) {
        know(event.remoteRegistryDid(), "federated-registry", event.establishedAt());
    }

    @ResetHandler
    void reset() {
        directory.deleteAllInBatch();
    }

    private void know(String did, String role, Instant at) {
        DidDirectoryView entry = directory.findById(did)
                .orElseGet(() -> directory.save(new DidDirectoryView(did, new Did(did).method(), at)));
        entry.addRole(role, at);
    }
}
