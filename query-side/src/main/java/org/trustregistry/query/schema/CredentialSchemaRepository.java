package org.trustregistry.query.schema;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CredentialSchemaRepository extends JpaRepository<CredentialSchemaView, UUID>,
        JpaSpecificationExecutor<CredentialSchemaView> {
}
