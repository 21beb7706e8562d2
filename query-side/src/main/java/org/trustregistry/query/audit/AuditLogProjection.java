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
import org.trustregistry.events.access.AccessRefusalsSummarised;
import org.trustregistry.events.access.AccessRefused;
import org.trustregistry.shared.MessageMetadata;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit_logs row per event in the event store: the actor and request from the event's metadata,
 * the action (the event's name), the resource (its aggregate) and the whole event as details. A refused
 * request ({@link AccessRefused}, no aggregate's event) is a row with result DENIED or REJECTED, its
 * operation as action and what the route names as resource; a summary of refusals
 * ({@link AccessRefusalsSummarised}) is one row for its client address.
 */
@Component
@ProcessingGroup(AuditLogProjection.NAME)
public class AuditLogProjection {

    public static final String NAME = "audit-log";
    /** The resource type of a summary of refusals: its resource id is the client address. */
    static final String CLIENT_ADDRESS = "ClientAddress";
    private static final int RESOURCE_TYPE_LENGTH = 32; // audit_logs.resource_type
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
        log.insert(new AuditLogView(UUID.fromString(event.getIdentifier()), position(event), event.getTimestamp(),
                text(meta, MessageMetadata.ACTOR_ID), text(meta, MessageMetadata.ACTOR_ROLE),
                text(meta, MessageMetadata.REQUEST_ID), payload.getClass().getSimpleName(), resourceType, resourceId,
                AuditResult.SUCCESS.name(), json.convertValue(payload, MAP)));
    }

    @EventHandler
    void on(AccessRefused refused, EventMessage<?> event) {
        String resourceType = refused.resourceType() == null ? "-" : refused.resourceType();
        log.insert(new AuditLogView(UUID.fromString(event.getIdentifier()), position(event), event.getTimestamp(),
                refused.actorId(), refused.actorRole(), refused.requestId(), refused.operation(),
                resourceType.length() > RESOURCE_TYPE_LENGTH ? resourceType.substring(0, RESOURCE_TYPE_LENGTH)
                        : resourceType,
                refused.resourceId() == null ? "-" : refused.resourceId(), refused.result().name(),
                json.convertValue(refused, MAP)));
    }

    @EventHandler
    void on(AccessRefusalsSummarised summary, EventMessage<?> event) {
        log.insert(new AuditLogView(UUID.fromString(event.getIdentifier()), position(event), event.getTimestamp(),
                summary.actorId(), null, null, AccessRefusalsSummarised.class.getSimpleName(), CLIENT_ADDRESS,
                summary.clientAddress(), summary.result().name(), json.convertValue(summary, MAP)));
    }

    /**
     * The event's own place in the store: the projection engine hands each event with its global index as its
     * token (an event retried from elsewhere, none: then the store is asked).
     */
    private long position(EventMessage<?> event) {
        if (event instanceof org.axonframework.eventhandling.TrackedEventMessage<?> tracked
                && tracked.trackingToken() instanceof org.axonframework.eventhandling.GlobalSequenceTrackingToken token) {
            return token.getGlobalIndex();
        }
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                .param(event.getIdentifier()).query(Long.class).single();
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
