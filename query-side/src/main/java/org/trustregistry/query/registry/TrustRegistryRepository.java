package org.trustregistry.query.registry;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TrustRegistryRepository extends JpaRepository<TrustRegistryView, UUID>,
        JpaSpecificationExecutor<TrustRegistryView> {
}
