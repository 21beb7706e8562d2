package org.trustregistry.command.verifier;

import java.util.UUID;

public record AuthorizeVerifierCredentialType(UUID verifierId, UUID schemaId) {
}
