package org.trustregistry.query.framework;

import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;
import org.trustregistry.shared.TrustFrameworkStatus;

@RestController
@RequestMapping("/v2/trust-frameworks")
class FrameworkQueryController {

    private final TrustFrameworkRepository frameworks;

    FrameworkQueryController(TrustFrameworkRepository frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping
    PageResponse<TrustFrameworkView> list(@RequestParam(required = false) String status,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return PageResponse.of(frameworks.findAll(Filters.all(
                Filters.equal("status", Filters.enumValue("status", status, TrustFrameworkStatus.class)),
                Filters.nameMatches(q)), Paging.of(page, size, Sort.by("name", "id"))), v -> v);
    }

    @GetMapping("/{id}")
    TrustFrameworkView get(@PathVariable UUID id) {
        return frameworks.findById(id).orElseThrow(() -> new NotFoundException("No trust framework " + id));
    }
}
