package org.trustregistry.command.accreditation;

import java.util.UUID;
import org.trustregistry.shared.EntityType;

/** Authorize an issuer or verifier for the credential type of a schema of its registry. */
public record AuthorizeCredentialType(EntityType entityType, UUID entityId, UUID schemaId) {
}
