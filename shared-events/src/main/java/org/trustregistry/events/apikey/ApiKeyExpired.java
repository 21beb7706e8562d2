package org.trustregistry.events.apikey;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The key's expiresAt passed. {@code expiredAt} is that instant, however late this was recorded;
 * authentication never waited for this event (it compares expiresAt with the clock).
 */
@Revision("1")
public record ApiKeyExpired(UUID keyId, Instant expiredAt) {
}
