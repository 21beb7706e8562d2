package org.trustregistry.events.framework;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.TrustFrameworkStatus;

/** The framework was deprecated or retired; a retired framework accepts no new references. */
@Revision("1")
public record TrustFrameworkStatusChanged(UUID frameworkId, TrustFrameworkStatus previousStatus,
                                          TrustFrameworkStatus newStatus, String reason, String actor,
                                          Instant effectiveAt) {
}
