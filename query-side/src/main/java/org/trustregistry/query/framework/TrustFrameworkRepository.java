package org.trustregistry.query.framework;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface TrustFrameworkRepository extends JpaRepository<TrustFrameworkView, UUID>,
        JpaSpecificationExecutor<TrustFrameworkView> {
}
