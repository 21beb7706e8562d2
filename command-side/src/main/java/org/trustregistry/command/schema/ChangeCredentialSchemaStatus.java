package org.trustregistry.command.schema;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.shared.SchemaStatus;

public record ChangeCredentialSchemaStatus(@TargetAggregateIdentifier UUID schemaId, SchemaStatus status,
                                           String reason) {
}
