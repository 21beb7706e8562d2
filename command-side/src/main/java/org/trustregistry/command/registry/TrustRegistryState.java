package org.trustregistry.command.registry;

import java.util.UUID;
import org.trustregistry.shared.RegistryStatus;

/** The registry as a command left it: what a write returns to its caller. */
public record TrustRegistryState(UUID id, String name, String description, String ecosystemDid,
                                 String governanceAuthority, UUID trustFrameworkId, RegistryStatus status,
                                 String statusReason, String signingKeyId) {
}
