package org.trustregistry.query.publicapi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
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

    /** The ids of the entities that pass the filter, by name then id: only the ids are read. */
    List<UUID> ids(EntityManager entityManager, Class<V> type, Specification<V> filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<UUID> query = cb.createQuery(UUID.class);
        Root<V> root = query.from(type);
        Predicate where = filter.toPredicate(root, query, cb);
        if (where != null) {
            query.where(where);
        }
        query.select(root.get("id")).orderBy(cb.asc(root.get("name")), cb.asc(root.get("id")));
        return entityManager.createQuery(query).getResultList();
    }

    /** These entities, in the order of the ids (an id without a row is skipped). */
    List<V> inOrder(List<UUID> ids) {
        Map<UUID, V> rows = entities.findAllById(ids).stream()
                .collect(Collectors.toMap(V::getId, java.util.function.Function.identity()));
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
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
