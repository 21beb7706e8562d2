package org.trustregistry.query.audit;

import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.MessageMetadata;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit_logs row per event in the event store: the actor and request from the event's metadata,
 * the action (the event's name), the resource (its aggregate) and the whole event as details.
 */
@Component
@ProcessingGroup(AuditLogProjection.NAME)
public class AuditLogProjection {

    public static final String NAME = "audit-log";
    static final String SUCCESS = "SUCCESS";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AuditLogRepository log;
    private final JsonMapper json;

    AuditLogProjection(AuditLogRepository log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        MetaData meta = event.getMetaData();
        String resourceType = "System";
        String resourceId = "-";
        if (event instanceof DomainEventMessage<?> domain) {
            resourceType = domain.getType();
            resourceId = domain.getAggregateIdentifier();
        }
        long position = token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
        log.save(new AuditLogView(UUID.fromString(event.getIdentifier()), position, event.getTimestamp(),
                text(meta, MessageMetadata.ACTOR_ID), text(meta, MessageMetadata.ACTOR_ROLE),
                text(meta, MessageMetadata.REQUEST_ID), payload.getClass().getSimpleName(), resourceType, resourceId,
                SUCCESS, json.convertValue(payload, MAP)));
    }

    @ResetHandler
    void reset() {
        log.deleteAllInBatch();
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
