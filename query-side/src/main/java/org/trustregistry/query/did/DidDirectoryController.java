package org.trustregistry.query.did;

import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;

@RestController
@RequestMapping("/v2/dids")
class DidDirectoryController {

    private static final Set<String> ROLES = Set.of("registry", "issuer", "verifier", "federated-registry");

    private final DidDirectoryRepository directory;
    private final ParkedDids parked;

    DidDirectoryController(DidDirectoryRepository directory, ParkedDids parked) {
        this.directory = directory;
        this.parked = parked;
    }

    @GetMapping
    PageResponse<DidDirectoryView> list(@RequestParam(required = false) String method,
                                        @RequestParam(required = false) String role,
                                        @RequestParam(required = false) String serviceType,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        if (method != null && !method.matches("[a-z0-9]{1,50}")) {
            throw new BadQueryException("method", "method is a DID method name such as web or key");
        }
        if (role != null && !ROLES.contains(role)) {
            throw new BadQueryException("role", "role must be one of " + ROLES.stream().sorted().toList());
        }
        Specification<DidDirectoryView> filter = Filters.all(
                Filters.equal("didMethod", method),
                Filters.equal("serviceType", serviceType),
                role == null ? null : (root, q, cb) -> cb.isTrue(
                        cb.function("array_contains", Boolean.class, root.get("roles"), cb.literal(role))));
        return PageResponse.of(directory.findAll(filter, Paging.of(page, size, Sort.by("did"))), v -> v);
    }

    @GetMapping("/{did}")
    DidDirectoryView get(@PathVariable String did) {
        Filters.did("did", did);
        parked.requireNotParked(did);
        return directory.findById(did).orElseThrow(() -> new NotFoundException("The directory does not know " + did));
    }
}
