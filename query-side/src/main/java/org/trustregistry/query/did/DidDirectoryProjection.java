package org.trustregistry.query.did;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.events.did.DidResolutionFailed;
import org.trustregistry.events.did.DidResolved;
import org.trustregistry.events.did.DidServiceUpdated;
import org.trustregistry.events.registry.TrustRegistryCreated;
import org.trustregistry.shared.Did;

/**
 * Every DID the registry knows, with its roles (registries' ecosystem DIDs, issuers, verifiers and the
 * remote registries they federate with), and what its directory entry says: service endpoint,
 * metadata, resolved keys. A DID with only a directory entry has no roles.
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

    @EventHandler
    void on(DidServiceUpdated event) {
        entry(event.did(), event.updatedAt()).service(event.serviceType(), event.serviceEndpoint(), event.metadata(),
                event.updatedAt());
    }

    @EventHandler
    void on(DidResolved event) {
        entry(event.did(), event.resolvedAt()).resolved(List.copyOf(event.publicKeys()), event.source(),
                event.resolvedAt());
    }

    @EventHandler
    void on(DidResolutionFailed event) {
        entry(event.did(), event.failedAt()).resolutionFailed(event.reason(), event.failedAt());
    }

    @ResetHandler
    void reset() {
        directory.deleteAllInBatch();
    }

    private void know(String did, String role, Instant at) {
        entry(did, at).addRole(role, at);
    }

    private DidDirectoryView entry(String did, Instant at) {
        return directory.findById(did)
                .orElseGet(() -> directory.save(new DidDirectoryView(did, new Did(did).method(), at)));
    }
}
