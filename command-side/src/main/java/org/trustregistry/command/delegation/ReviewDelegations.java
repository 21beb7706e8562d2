package org.trustregistry.command.delegation;

import java.time.Instant;
import java.util.UUID;

/**
 * Check every delegation an issuer has given against what it holds now, and lapse those it can no
 * longer back, as of {@code effectiveAt} (the moment of the {@code cause}).
 */
public record ReviewDelegations(UUID issuerId, String cause, Instant effectiveAt) {
}
