package org.trustregistry.query.framework;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.trustregistry.query.common.Inserts;

interface TrustFrameworkRepository extends JpaRepository<TrustFrameworkView, UUID>, Inserts<TrustFrameworkView>,
        JpaSpecificationExecutor<TrustFrameworkView> {
}
