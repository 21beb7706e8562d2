package org.trustregistry.command.schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.command.framework.ReferencesTrustFramework;
import org.trustregistry.shared.AuthorizationMode;

/** Register a credential schema in a registry; {@code type} is the credential type verifiers ask about. */
public record RegisterCredentialSchema(UUID schemaId, UUID registryId, UUID trustFrameworkId, String name,
                                       String schemaVersion, String type, Map<String, Object> jsonSchema,
                                       List<String> contexts, List<String> jurisdictions,
                                       AuthorizationMode issuerMode, AuthorizationMode verifierMode)
        implements ReferencesTrustFramework {
}
