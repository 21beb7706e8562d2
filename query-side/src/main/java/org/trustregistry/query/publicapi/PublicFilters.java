package org.trustregistry.query.publicapi;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import org.springframework.data.jpa.domain.Specification;
import org.trustregistry.query.accreditation.AccreditationFilters;
import org.trustregistry.query.accreditation.AccreditedEntityView;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.registry.TrustRegistryView;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.RegistryStatus;

/** What "active" means for the public lists. */
final class PublicFilters {

    private PublicFilters() {
    }

    /**
     * Issuers and verifiers that are active now: status ACTIVE and inside their validity window — the rule of
     * {@link org.trustregistry.shared.GoodStanding}, as a criterion the database can page by (the public lists
     * are "now" lists over the read tables, sorted and paged in SQL). The window matters on its own: between
     * validUntil and the expiry event the status still says ACTIVE.
     */
    static <V extends AccreditedEntityView> Specification<V> activeAt(Instant now) {
        return Filters.all(Filters.equal("status", EntityStatus.ACTIVE.name()), AccreditationFilters.validAt(now));
    }

    /**
     * Records (with a {@code registryId}) whose registry is ACTIVE: nothing of a suspended or retired
     * registry is listed. An EXISTS on trust_registries by its primary key.
     */
    static <T> Specification<T> inActiveRegistry() {
        return (root, query, cb) -> {
            Subquery<Integer> registry = query.subquery(Integer.class);
            Root<TrustRegistryView> r = registry.from(TrustRegistryView.class);
            registry.select(cb.literal(1)).where(cb.equal(r.get("id"), root.get("registryId")),
                    cb.equal(r.get("status"), RegistryStatus.ACTIVE.name()));
            return cb.exists(registry);
        };
    }
}
