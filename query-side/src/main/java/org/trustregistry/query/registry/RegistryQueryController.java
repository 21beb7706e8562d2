package org.trustregistry.query.registry;

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
import org.trustregistry.shared.RegistryStatus;

@RestController
@RequestMapping("/v2/registries")
class RegistryQueryController {

    private final TrustRegistryRepository registries;

    RegistryQueryController(TrustRegistryRepository registries) {
        this.registries = registries;
    }

    @GetMapping
    PageResponse<TrustRegistryView> list(@RequestParam(required = false) String status,
                                         @RequestParam(required = false) String ecosystemDid,
                                         @RequestParam(required = false) String trustFrameworkId,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        Specification<TrustRegistryView> filter = Filters.all(
                Filters.equal("status", Filters.enumValue("status", status, RegistryStatus.class)),
                Filters.equal("ecosystemDid", Filters.did("ecosystemDid", ecosystemDid)),
                Filters.equal("trustFrameworkId", Filters.uuid("trustFrameworkId", trustFrameworkId)),
                Filters.nameMatches(q));
        return PageResponse.of(registries.findAll(filter, Paging.of(page, size, Sort.by("name", "id"))), v -> v);
    }

    @GetMapping("/{id}")
    TrustRegistryView get(@PathVariable UUID id) {
        return registries.findById(id).orElseThrow(() -> new NotFoundException("No registry " + id));
    }
}
