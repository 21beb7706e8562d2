package org.trustregistry.command.issuer;

import java.util.UUID;

public record AuthorizeIssuerCredentialType(UUID issuerId, UUID schemaId) {
}
