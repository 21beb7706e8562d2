package org.trustregistry.query.history;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.MessageMetadata;

/** One status_history row per issuer/verifier status transition, from the transition events alone. */
@Component
@ProcessingGroup(StatusHistoryProjection.NAME)
public class StatusHistoryProjection {

    public static final String NAME = "status-history";
    static final String REGISTER = "REGISTER";

    private final StatusHistoryRepository history;

    StatusHistoryProjection(StatusHistoryRepository history) {
        this.history = history;
    }

    @EventHandler
    void on(EntityRegistered event, EventMessage<?> message, @SequenceNumber long sequence) {
        MetaData meta = message.getMetaData();
        history.insert(new StatusHistoryView(UUID.fromString(message.getIdentifier()), event.entityType().name(),
                event.entityId(), event.did(), event.registryId(), REGISTER, null, EntityStatus.PENDING.name(), null,
                event.actor(), text(meta, MessageMetadata.ACTOR_ROLE), text(meta, MessageMetadata.REQUEST_ID),
                event.registeredAt(), sequence));
    }

    @EventHandler
    void on(EntityStatusChanged event, EventMessage<?> message, @SequenceNumber long sequence) {
        MetaData meta = message.getMetaData();
        history.insert(new StatusHistoryView(UUID.fromString(message.getIdentifier()), event.entityType().name(),
                event.entityId(), event.did(), event.registryId(), event.transition().name(),
                event.previousStatus().name(), event.newStatus().name(), event.reason(), event.actor(),
                text(meta, MessageMetadata.ACTOR_ROLE), text(meta, MessageMetadata.REQUEST_ID), event.effectiveAt(),
                sequence));
    }

    @ResetHandler
    void reset() {
        history.deleteAllInBatch();
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
