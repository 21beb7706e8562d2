package org.trustregistry.command.accreditation;

import java.util.UUID;
import org.trustregistry.shared.EntityType;

/** Withdraw a credential type an issuer or verifier holds; the reason is optional. */
public record WithdrawCredentialType(EntityType entityType, UUID entityId, UUID schemaId, String reason) {
}
