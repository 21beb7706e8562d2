package org.trustregistry.shared;

import java.util.UUID;

/** A credential type as an authorization names it: the schema and its {@code type} (the TRQP resource). */
public record CredentialTypeRef(UUID schemaId, String credentialType) {
}
