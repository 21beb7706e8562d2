package org.trustregistry.events.schema;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.SchemaStatus;

/** The schema was deprecated (or brought back); a deprecated schema is authorized for no one new. */
@Revision("1")
public record CredentialSchemaStatusChanged(UUID schemaId, UUID registryId, String type,
                                            SchemaStatus previousStatus, SchemaStatus newStatus, String reason,
                                            String actor, Instant effectiveAt) {
}
