package org.trustregistry.query.publicapi;

import java.util.UUID;
import org.trustregistry.query.accreditation.CredentialTypeGrantView;

/** A credential type an issuer or verifier is authorized for: the schema and its type, not who granted it. */
public record PublicCredentialType(UUID schemaId, String credentialType) {

    static PublicCredentialType of(CredentialTypeGrantView grant) {
        return new PublicCredentialType(grant.getSchemaId(), grant.getCredentialType());
    }
}
