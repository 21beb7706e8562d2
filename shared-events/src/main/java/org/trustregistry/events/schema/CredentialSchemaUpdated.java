package org.trustregistry.events.schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.AuthorizationMode;

/** The schema now reads as given. Its registry and credential type never change. */
@Revision("1")
public record CredentialSchemaUpdated(UUID schemaId, UUID registryId, String type, UUID trustFrameworkId,
                                      String name, String schemaVersion, Map<String, Object> jsonSchema,
                                      List<String> contexts, List<String> jurisdictions,
                                      AuthorizationMode issuerMode, AuthorizationMode verifierMode,
                                      String actor, Instant updatedAt) {
}
