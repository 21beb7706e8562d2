package org.trustregistry.query.trqp;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.EntityType;

/** An issuer or verifier as it stood at a past instant, from the recorded history ({@link AuthorityHistory}). */
@Component
public class EntityHistory {

    /** The credential type held at that instant, and since when. */
    public record HeldType(UUID schemaId, String credentialType, Instant authorizedAt) {
    }

    /** The state at {@code asOf}, which held from {@code since} until {@code until} (null: still). */
    public record EntityAsOf(UUID id, String entityType, String did, UUID registryId, String status,
                             Instant validFrom, Instant validUntil, List<HeldType> credentialTypes, Instant asOf,
                             Instant since, Instant until) {
    }

    private final AuthorityHistory history;

    EntityHistory(AuthorityHistory history) {
        this.history = history;
    }

    public Optional<EntityAsOf> asOf(EntityType type, UUID id, Instant time) {
        Instant t = AuthorityHistory.micros(time);
        return history.read(view -> {
            AuthorityHistory.Entity entity = view.entity(id);
            AuthorityHistory.EntityPeriod period = entity == null || entity.type() != type ? null
                    : view.periodAt(entity, t);
            if (period == null) {
                return Optional.empty();
            }
            List<HeldType> held = view.typesAt(entity, t).stream()
                    .sorted(Comparator.comparing(AuthorityHistory.TypePeriod::schemaId, AuthorityHistory.UUIDS))
                    .map(p -> new HeldType(p.schemaId(), p.credentialType(), p.start())).toList();
            boolean expired = view.expiredUnrecordedAt(period, t);
            Instant since = expired && period.validUntil().isAfter(period.start()) ? period.validUntil()
                    : period.start();
            return Optional.of(new EntityAsOf(id, type.name(), entity.did(), entity.registryId(),
                    expired ? "EXPIRED" : period.status(), period.validFrom(), period.validUntil(), held, time, since,
                    period.end()));
        });
    }
}
