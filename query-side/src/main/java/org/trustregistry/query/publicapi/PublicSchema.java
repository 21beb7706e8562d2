package org.trustregistry.query.publicapi;

import java.util.List;
import java.util.UUID;
import org.trustregistry.query.schema.CredentialSchemaView;

/**
 * A credential schema as the public API lists it: its identity and who may issue and verify it. The
 * JSON Schema itself stays out of the list (it can be large); {@code GET /v2/schemas/{id}} has it.
 */
public record PublicSchema(UUID id, UUID registryId, UUID trustFrameworkId, String name, String version,
                           String type, List<String> contexts, List<String> jurisdictions, String issuerMode,
                           String verifierMode) {

    static PublicSchema of(CredentialSchemaView view) {
        return new PublicSchema(view.getId(), view.getRegistryId(), view.getTrustFrameworkId(), view.getName(),
                view.getVersion(), view.getType(), view.getContexts(), view.getJurisdictions(), view.getIssuerMode(),
                view.getVerifierMode());
    }
}
