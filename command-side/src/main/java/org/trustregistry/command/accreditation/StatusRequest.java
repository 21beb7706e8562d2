package org.trustregistry.command.accreditation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.trustregistry.shared.EntityStatus;

/** PATCH …/status: the target status, why, and for a renewal the new validUntil. */
public record StatusRequest(@NotNull EntityStatus status, @Size(max = 2000) String reason, Instant validUntil) {
}
