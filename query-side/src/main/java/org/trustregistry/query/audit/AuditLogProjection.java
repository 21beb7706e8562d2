package org.trustregistry.query.audit;

import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    AuditLogProjection(AuditLogRepository log, JsonMapper json, JdbcClient jdbc) {
        this.log = log;
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        MetaData meta = event.getMetaData();
        String resourceType = "System";
        String resourceId = "-";
        if (event instanceof DomainEventMessage<?> domain) {
            resourceType = domain.getType();
            resourceId = domain.getAggregateIdentifier();
        }
        // The event's own place in the store. Not the TrackingToken parameter: a pooled processor handling a
        // batch resolves that to the batch's token, which gave every event of a batch the same position.
        long position = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                .param(event.getIdentifier()).query(Long.class).single();
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
