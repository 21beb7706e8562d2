package org.trustregistry.command.schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.command.framework.ReferencesTrustFramework;
import org.trustregistry.shared.AuthorizationMode;

/** Replace a schema's description. Its registry and credential type are fixed for life. */
public record UpdateCredentialSchema(@TargetAggregateIdentifier UUID schemaId, UUID trustFrameworkId, String name,
                                     String schemaVersion, String type, Map<String, Object> jsonSchema,
                                     List<String> contexts, List<String> jurisdictions,
                                     AuthorizationMode issuerMode, AuthorizationMode verifierMode)
        implements ReferencesTrustFramework {
}
