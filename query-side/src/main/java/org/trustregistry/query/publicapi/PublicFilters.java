package org.trustregistry.query.publicapi;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;
import org.trustregistry.query.registry.TrustRegistryView;
import org.trustregistry.shared.RegistryStatus;

/**
 * What "active" means for the public schema list: in an ACTIVE registry. (Whether an issuer or verifier stands now
 * is the authority history's to say, as for every other read: {@link org.trustregistry.query.trqp.AuthorityHistory}.)
 */
final class PublicFilters {

    private PublicFilters() {
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
