package org.trustregistry.command.accreditation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;

/** An issuer or verifier as a command left it: what a write returns to its caller. */
public record AccreditedEntityState(UUID id, String did, UUID registryId, String name, UUID trustFrameworkId,
                                    List<String> jurisdictions, List<String> contexts, String accreditationLevel,
                                    Instant validFrom, Instant validUntil, String endpoint,
                                    Map<String, Object> metadata, EntityStatus status, String statusReason,
                                    List<CredentialTypeRef> credentialTypes) {
}
