package org.trustregistry.query.accreditation;

import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import org.springframework.data.jpa.domain.Specification;

/** List filters over issuers and verifiers that the full and the public read endpoints share. */
public final class AccreditationFilters {

    private AccreditationFilters() {
    }

    /** Entities authorized now for a credential type (a row in their credential-types table). */
    public static <V extends AccreditedEntityView> Specification<V> holdsCredentialType(
            Class<? extends CredentialTypeGrantView> grantType, String credentialType) {
        if (credentialType == null) {
            return null;
        }
        return (root, query, cb) -> {
            Subquery<Integer> grant = query.subquery(Integer.class);
            var g = grant.from(grantType);
            grant.select(cb.literal(1)).where(cb.equal(g.get("entityId"), root.get("id")),
                    cb.equal(g.get("credentialType"), credentialType));
            return cb.exists(grant);
        };
    }

    /**
     * Entities whose validity window contains {@code time}: the SQL form of
     * {@link org.trustregistry.shared.ValidityWindow#contains} (from inclusive, until exclusive, null is open).
     */
    public static <V extends AccreditedEntityView> Specification<V> validAt(Instant time) {
        return (root, query, cb) -> cb.and(
                cb.or(cb.isNull(root.get("validFrom")), cb.lessThanOrEqualTo(root.get("validFrom"), time)),
                cb.or(cb.isNull(root.get("validUntil")), cb.greaterThan(root.get("validUntil"), time)));
    }
}
