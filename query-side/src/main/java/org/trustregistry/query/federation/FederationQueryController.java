package org.trustregistry.query.federation;

import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;
import org.trustregistry.query.registry.TrustRegistryRepository;
import org.trustregistry.shared.FederationStatus;

/** A registry's federation connections: the registries it recognizes (public reads). */
@RestController
@RequestMapping("/v2/registries/{registryId}/federation")
class FederationQueryController {

    private final FederationConnectionRepository connections;
    private final TrustRegistryRepository registries;

    FederationQueryController(FederationConnectionRepository connections, TrustRegistryRepository registries) {
        this.connections = connections;
        this.registries = registries;
    }

    @GetMapping
    PageResponse<FederationConnectionView> list(@PathVariable UUID registryId,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String remoteRegistryDid,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        if (!registries.existsById(registryId)) {
            throw new NotFoundException("No registry " + registryId);
        }
        Specification<FederationConnectionView> filter = Filters.all(
                Filters.equal("registryId", registryId),
                Filters.equal("status", Filters.enumValue("status", status, FederationStatus.class)),
                Filters.equal("remoteRegistryDid", Filters.did("remoteRegistryDid", remoteRegistryDid)));
        return PageResponse.of(connections.findAll(filter, Paging.of(page, size, Sort.by("createdAt", "id"))),
                v -> v);
    }

    @GetMapping("/{connectionId}")
    FederationConnectionView get(@PathVariable UUID registryId, @PathVariable UUID connectionId) {
        return connections.findById(connectionId)
                .filter(c -> c.getRegistryId().equals(registryId))
                .orElseThrow(() -> new NotFoundException("Registry " + registryId + " has no federation connection "
                        + connectionId));
    }
}
