package org.trustregistry.query.accreditation;

import org.trustregistry.query.admin.FailClosed;
import org.trustregistry.query.trqp.AuthorityHistoryProjection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;
import org.trustregistry.query.common.Rfc3339;
import org.trustregistry.query.trqp.EntityHistory;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import java.time.Instant;

/** The read endpoints issuers and verifiers share; the subclasses give the path and the tables. */
public abstract class AccreditedEntityQueries<V extends AccreditedEntityView, G extends CredentialTypeGrantView> {

    private final String kind;
    private final EntityType entityType;
    private final EntityHistory history;
    private final Class<G> grantType;
    private final AccreditationRepositories.Entities<V> entities;
    private final AccreditationRepositories.Grants<G> grants;

    protected AccreditedEntityQueries(EntityType entityType, Class<G> grantType,
                                      AccreditationRepositories.Entities<V> entities,
                                      AccreditationRepositories.Grants<G> grants, EntityHistory history) {
        this.history = history;
        this.kind = entityType.name().toLowerCase();
        this.entityType = entityType;
        this.grantType = grantType;
        this.entities = entities;
        this.grants = grants;
    }

    @GetMapping
    public PageResponse<AccreditedEntityResponse> list(@RequestParam(required = false) String did,
                                                       @RequestParam(required = false) String registryId,
                                                       @RequestParam(required = false) String trustFrameworkId,
                                                       @RequestParam(required = false) String status,
                                                       @RequestParam(required = false) String credentialType,
                                                       @RequestParam(required = false) String accreditationLevel,
                                                       @RequestParam(required = false) String jurisdiction,
                                                       @RequestParam(required = false) String q,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        Specification<V> filter = Filters.all(
                Filters.equal("did", Filters.did("did", did)),
                Filters.equal("registryId", Filters.uuid("registryId", registryId)),
                Filters.equal("trustFrameworkId", Filters.uuid("trustFrameworkId", trustFrameworkId)),
                Filters.equal("status", Filters.enumValue("status", status, EntityStatus.class)),
                Filters.equal("accreditationLevel", accreditationLevel),
                AccreditationFilters.holdsCredentialType(grantType, credentialType),
                inJurisdiction(jurisdiction),
                Filters.nameMatches(q));
        Page<V> found = entities.findAll(filter, Paging.of(page, size, Sort.by("name", "id")));
        Map<UUID, List<CredentialTypeGrantView>> types = grants
                .findByEntityIdInOrderBySchemaId(found.getContent().stream().map(V::getId).toList()).stream()
                .collect(Collectors.groupingBy(CredentialTypeGrantView::getEntityId));
        return PageResponse.of(found,
                v -> new AccreditedEntityResponse(v, types.getOrDefault(v.getId(), List.of())));
    }

    /** The record now, or with {@code ?asOf=T} as it was at T (status, credential types, window), from history. */
    @GetMapping("/{id}")
    @FailClosed(value = AuthorityHistoryProjection.NAME, whenParameter = "asOf")
    public Object get(@PathVariable UUID id, @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            Instant at = Rfc3339.parse("asOf", asOf);
            return history.asOf(entityType, id, at)
                    .orElseThrow(() -> new NotFoundException("No " + kind + " " + id + " at " + at));
        }
        V view = entities.findById(id).orElseThrow(() -> new NotFoundException("No " + kind + " " + id));
        return new AccreditedEntityResponse(view,
                List.copyOf(grants.findByEntityIdInOrderBySchemaId(List.of(id))));
    }

    private Specification<V> inJurisdiction(String jurisdiction) {
        if (jurisdiction == null) {
            return null;
        }
        return (root, query, cb) -> cb.isTrue(
                cb.function("array_contains", Boolean.class, root.get("jurisdictions"), cb.literal(jurisdiction)));
    }
}
