package org.trustregistry.query.schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;
import org.trustregistry.shared.SchemaStatus;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v2/schemas")
class SchemaQueryController {

    /** {@code credential} is any JSON value (JSON null included); only a missing one is refused. */
    record ValidationRequest(@NotNull JsonNode credential) {
    }

    private final CredentialSchemaRepository schemas;
    private final CredentialValidation validation;

    SchemaQueryController(CredentialSchemaRepository schemas, CredentialValidation validation) {
        this.schemas = schemas;
        this.validation = validation;
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

    /** A read: it changes nothing, so it is public and lives on the query side. */
    @PostMapping("/{id}/validate")
    CredentialValidation.Result validate(@PathVariable UUID id, @Valid @RequestBody ValidationRequest request) {
        return validation.validate(id, request.credential());
    }
}
