package org.trustregistry.query.accreditation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.NoRepositoryBean;
import org.trustregistry.query.common.Inserts;

/**
 * The repository shapes issuers and verifiers share. Each concrete repository also names {@link Inserts} itself:
 * Spring Data attaches a fragment's implementation only for the interfaces a repository declares, not for those
 * of a {@code @NoRepositoryBean} parent (the context did not start).
 */
public final class AccreditationRepositories {

    private AccreditationRepositories() {
    }

    @NoRepositoryBean
    public interface Entities<V extends AccreditedEntityView> extends JpaRepository<V, UUID>, Inserts<V>,
            JpaSpecificationExecutor<V> {
    }

    @NoRepositoryBean
    public interface Grants<G extends CredentialTypeGrantView>
            extends JpaRepository<G, CredentialTypeGrantView.Key>, Inserts<G> {

        List<G> findByEntityIdInOrderBySchemaId(Collection<UUID> entityIds);
    }
}
