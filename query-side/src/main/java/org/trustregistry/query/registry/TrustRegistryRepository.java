package org.trustregistry.query.registry;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.trustregistry.query.common.Inserts;

public interface TrustRegistryRepository extends JpaRepository<TrustRegistryView, UUID>, Inserts<TrustRegistryView>,
        JpaSpecificationExecutor<TrustRegistryView> {
}
