package org.trustregistry.command.accreditation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.FreeText;

/** PATCH …/status: the target status, why, and for a renewal the new validUntil. */
public record StatusRequest(@NotNull EntityStatus status, @Size(max = 2000) @FreeText String reason,
                            Instant validUntil) {
}
