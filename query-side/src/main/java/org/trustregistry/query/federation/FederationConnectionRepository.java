package org.trustregistry.query.federation;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface FederationConnectionRepository extends JpaRepository<FederationConnectionView, UUID>,
        JpaSpecificationExecutor<FederationConnectionView> {
}
