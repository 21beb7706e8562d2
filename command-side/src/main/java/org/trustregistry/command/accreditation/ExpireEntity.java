package org.trustregistry.command.accreditation;

import java.util.UUID;
import org.trustregistry.shared.EntityType;

/** Sent by the registry itself when the validUntil of an issuer or verifier has passed. */
public record ExpireEntity(EntityType entityType, UUID entityId) {
}
