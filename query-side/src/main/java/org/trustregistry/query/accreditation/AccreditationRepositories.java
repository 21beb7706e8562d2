package org.trustregistry.query.accreditation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.NoRepositoryBean;

/** The repository shapes issuers and verifiers share. */
public final class AccreditationRepositories {

    private AccreditationRepositories() {
    }

    @NoRepositoryBean
    public interface Entities<V extends AccreditedEntityView> extends JpaRepository<V, UUID>,
            JpaSpecificationExecutor<V> {
    }

    @NoRepositoryBean
    public interface Grants<G extends CredentialTypeGrantView>
            extends JpaRepository<G, CredentialTypeGrantView.Key> {

        List<G> findByEntityIdInOrderBySchemaId(Collection<UUID> entityIds);
    }
}
