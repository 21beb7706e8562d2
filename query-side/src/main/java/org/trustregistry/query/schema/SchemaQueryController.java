package org.trustregistry.query.schema;

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
import org.trustregistry.shared.SchemaStatus;

@RestController
@RequestMapping("/v2/schemas")
class SchemaQueryController {

    private final CredentialSchemaRepository schemas;

    SchemaQueryController(CredentialSchemaRepository schemas) {
        this.schemas = schemas;
    }

    @GetMapping
    PageResponse<CredentialSchemaView> list(@RequestParam(required = false) String status,
                                            @RequestParam(required = false) String registryId,
                                            @RequestParam(required = false) String trustFrameworkId,
                                            @RequestParam(required = false) String type,
                                            @RequestParam(required = false) String q,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        Specification<CredentialSchemaView> filter = Filters.all(
                Filters.equal("status", Filters.enumValue("status", status, SchemaStatus.class)),
                Filters.equal("registryId", Filters.uuid("registryId", registryId)),
                Filters.equal("trustFrameworkId", Filters.uuid("trustFrameworkId", trustFrameworkId)),
                Filters.equal("type", type),
                Filters.nameMatches(q));
        return PageResponse.of(schemas.findAll(filter, Paging.of(page, size, Sort.by("name", "id"))), v -> v);
    }

    @GetMapping("/{id}")
    CredentialSchemaView get(@PathVariable UUID id) {
        return schemas.findById(id).orElseThrow(() -> new NotFoundException("No schema " + id));
    }
}
