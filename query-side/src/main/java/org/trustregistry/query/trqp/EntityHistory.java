package org.trustregistry.query.trqp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.Timestamptz;
import org.trustregistry.shared.EntityType;

/** An issuer or verifier as it stood at a past instant, from the recorded history. */
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

    /**
     * The window had ended at T but the expiry is not recorded (yet): the scheduler records it a few
     * seconds late, or after downtime, always effective at validUntil itself. Until then the period
     * still says ACTIVE or SUSPENDED; as of T the entity was expired all the same, as TRQP says.
     */
    private static final String EXPIRED_UNRECORDED =
            "status IN ('ACTIVE', 'SUSPENDED') AND valid_until IS NOT NULL AND valid_until <= :t";

    private final JdbcClient jdbc;

    EntityHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EntityAsOf> asOf(EntityType type, UUID id, Instant t) {
        OffsetDateTime at = Timestamptz.of(t);
        return jdbc.sql("SELECT entity_id, entity_type, did, registry_id, CASE WHEN " + EXPIRED_UNRECORDED
                        + " THEN 'EXPIRED' ELSE status END, valid_from, valid_until, CASE WHEN " + EXPIRED_UNRECORDED
                        + " THEN GREATEST(period_start, valid_until) ELSE period_start END, period_end "
                        + "FROM entity_periods WHERE entity_id = :id AND entity_type = :type "
                        + "AND period_start <= :t AND (period_end IS NULL OR period_end > :t)")
                .param("id", id).param("type", type.name()).param("t", at)
                .query((rs, row) -> new EntityAsOf(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), Timestamptz.read(rs, 6),
                        Timestamptz.read(rs, 7), heldAt(id, at), t, Timestamptz.read(rs, 8),
                        Timestamptz.read(rs, 9)))
                .optional();
    }

    private List<HeldType> heldAt(UUID id, OffsetDateTime at) {
        return jdbc.sql("SELECT schema_id, credential_type, period_start FROM credential_type_periods "
                        + "WHERE entity_id = :id AND period_start <= :t AND (period_end IS NULL OR period_end > :t) "
                        + "ORDER BY schema_id")
                .param("id", id).param("t", at)
                .query((rs, row) -> new HeldType(rs.getObject(1, UUID.class), rs.getString(2),
                        Timestamptz.read(rs, 3)))
                .list();
    }

}
