package org.trustregistry.query.accreditation;

import jakarta.persistence.criteria.Subquery;
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
}
