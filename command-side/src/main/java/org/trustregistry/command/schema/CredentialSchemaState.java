package org.trustregistry.command.schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.shared.AuthorizationMode;
import org.trustregistry.shared.SchemaStatus;

/** The schema as a command left it: what a write returns to its caller. */
public record CredentialSchemaState(UUID id, UUID registryId, UUID trustFrameworkId, String name,
                                    String schemaVersion, String type, Map<String, Object> jsonSchema,
                                    List<String> contexts, List<String> jurisdictions,
                                    AuthorizationMode issuerMode, AuthorizationMode verifierMode,
                                    SchemaStatus status, String statusReason) {
}
