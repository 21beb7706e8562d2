package org.trustregistry.query.federation;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.trustregistry.query.common.Inserts;

interface FederationConnectionRepository extends JpaRepository<FederationConnectionView, UUID>,
        Inserts<FederationConnectionView>,
        JpaSpecificationExecutor<FederationConnectionView> {
}
