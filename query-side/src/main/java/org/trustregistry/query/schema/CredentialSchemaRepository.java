package org.trustregistry.query.schema;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.trustregistry.query.common.Inserts;

public interface CredentialSchemaRepository extends JpaRepository<CredentialSchemaView, UUID>,
        Inserts<CredentialSchemaView>,
        JpaSpecificationExecutor<CredentialSchemaView> {
}
