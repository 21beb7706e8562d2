package org.trustregistry.command.accreditation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSideCatalogs;
import org.trustregistry.shared.Timestamptz;
import org.trustregistry.events.accreditation.EntityProfileUpdated;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.accreditation.EntityRenewed;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;

/**
 * The persisted expiry deadline (validUntil) of every issuer and verifier that can still expire, kept
 * in expiry_deadlines in the transaction of the events that set it; {@link ExpiryScheduler} acts on it.
 * Being a table, a deadline survives restarts and one that passed while the server was down fires
 * at the next start.
 */
@Component
@ProcessingGroup(CommandSideCatalogs.PROCESSING_GROUP)
public class ExpiryDeadlines {

    public record Deadline(UUID entityId, EntityType entityType, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    ExpiryDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EntityRegistered event) {
        if (event.validUntil() != null) {
            schedule(event.entityId(), event.entityType(), event.validUntil());
        }
        // without a validUntil there is nothing to do: a new entity (a new id) has no deadline to cancel yet
        // (a DELETE that could only ever remove nothing was one statement of every registration)
    }

    @EventHandler
    void on(EntityProfileUpdated event) {
        schedule(event.entityId(), event.entityType(), event.validUntil());
    }

    @EventHandler
    void on(EntityStatusChanged event) {
        if (event.newStatus() == EntityStatus.REVOKED || event.newStatus() == EntityStatus.EXPIRED) {
            cancel(event.entityId());
        }
    }

    @EventHandler
    void on(EntityRenewed event) {
        schedule(event.entityId(), event.entityType(), event.validUntil());
    }

    List<Deadline> due(Instant now, int limit) {
        return jdbc.sql("SELECT entity_id, entity_type, due_at FROM expiry_deadlines WHERE due_at <= ? "
                        + "ORDER BY due_at LIMIT ?")
                .params(Timestamptz.of(now), limit)
                .query((rs, row) -> new Deadline(rs.getObject(1, UUID.class), EntityType.valueOf(rs.getString(2)),
                        Timestamptz.read(rs, 3)))
                .list();
    }

    void cancel(UUID entityId) {
        jdbc.sql("DELETE FROM expiry_deadlines WHERE entity_id = ?").param(entityId).update();
    }

    private void schedule(UUID entityId, EntityType type, Instant validUntil) {
        if (validUntil == null) {
            cancel(entityId);
            return;
        }
        jdbc.sql("INSERT INTO expiry_deadlines (entity_id, entity_type, due_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (entity_id) DO UPDATE SET due_at = EXCLUDED.due_at")
                .params(entityId, type.name(), Timestamptz.of(validUntil))
                .update();
    }
}
