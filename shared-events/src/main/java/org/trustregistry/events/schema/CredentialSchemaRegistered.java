package org.trustregistry.events.schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.AuthorizationMode;

/** A credential schema was registered in a registry; {@code type} is the credential type (TRQP resource). */
@Revision("1")
public record CredentialSchemaRegistered(UUID schemaId, UUID registryId, UUID trustFrameworkId, String name,
                                         String schemaVersion, String type, Map<String, Object> jsonSchema,
                                         List<String> contexts, List<String> jurisdictions,
                                         AuthorizationMode issuerMode, AuthorizationMode verifierMode,
                                         String actor, Instant registeredAt) {
}
