package org.trustregistry.query.publicapi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.trustregistry.query.accreditation.AccreditationFilters;
import org.trustregistry.query.accreditation.AccreditationRepositories;
import org.trustregistry.query.accreditation.AccreditedEntityView;
import org.trustregistry.query.accreditation.CredentialTypeGrantView;
import org.trustregistry.query.common.Filters;

/** One kind of accredited entity (issuers or verifiers) as the public API reads it: its table and credential types. */
final class PublicEntityTables<V extends AccreditedEntityView, G extends CredentialTypeGrantView> {

    private final AccreditationRepositories.Entities<V> entities;
    private final AccreditationRepositories.Grants<G> grants;
    private final Class<G> grantType;

    PublicEntityTables(AccreditationRepositories.Entities<V> entities, AccreditationRepositories.Grants<G> grants,
                       Class<G> grantType) {
        this.entities = entities;
        this.grants = grants;
        this.grantType = grantType;
    }

    Specification<V> holdsCredentialType(String credentialType) {
        return AccreditationFilters.holdsCredentialType(grantType, credentialType);
    }

    Page<V> findAll(Specification<V> filter, Pageable pageable) {
        return entities.findAll(filter, pageable);
    }

    /** Every registration of a DID, oldest first. */
    List<V> findByDid(String did) {
        return entities.findAll(Filters.equal("did", did), Sort.by("createdAt", "id"));
    }

    /** The credential types of these entities, by entity id, in schema order (one query). */
    Map<UUID, List<PublicCredentialType>> credentialTypes(Collection<V> found) {
        if (found.isEmpty()) {
            return Map.of();
        }
        return grants.findByEntityIdInOrderBySchemaId(found.stream().map(V::getId).toList()).stream()
                .collect(Collectors.groupingBy(CredentialTypeGrantView::getEntityId,
                        Collectors.mapping(PublicCredentialType::of, Collectors.toList())));
    }
}
