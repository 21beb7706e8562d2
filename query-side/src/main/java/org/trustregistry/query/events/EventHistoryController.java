package org.trustregistry.query.events;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event store itself, for auditors: the global stream in order ({@code GET /v2/events}) and one
 * aggregate's whole history ({@code GET /v2/events/{aggregateId}}), read straight from
 * domain_event_entry — no projection in between.
 */
@RestController
@RequestMapping("/v2/events")
class EventHistoryController {

    static final int MAX_LIMIT = 1000;
    /** domain_event_entry.aggregate_identifier is a VARCHAR(255). */
    static final int MAX_AGGREGATE_ID_LENGTH = 255;

    /** One stored event: where it stands, what it is, about which aggregate, and its content. */
    record StoredEvent(long position, String eventId, String eventType, String payloadType, String revision,
                       String aggregateType, String aggregateId, long sequenceNumber, String timestamp,
                       JsonNode payload, JsonNode metadata) {
    }

    /** A slice of the global stream; {@code next} is the {@code after} of the following slice. */
    record EventPage(List<StoredEvent> items, long next) {
    }

    private static final String SELECT = "SELECT global_index, event_identifier, payload_type, payload_revision, "
            + "type, aggregate_identifier, sequence_number, time_stamp, convert_from(payload, 'UTF8') AS payload, "
            + "convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry ";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StreamHorizon horizon;

    EventHistoryController(JdbcClient jdbc, JsonMapper json, StreamHorizon horizon) {
        this.jdbc = jdbc;
        this.json = json;
        this.horizon = horizon;
    }

    @GetMapping
    @Operation(summary = "The global event stream in store order: the events after position `after`, at most `limit`",
            description = "Only events at or below the stream's stable head are listed: no commit can still appear "
                    + "below it, so paging on with `next` never skips an event that commits late.")
    EventPage stream(@RequestParam(defaultValue = "-1") long after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadQueryException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        // the stable head is read before the events, so every event at or below it is visible to this read
        long stable = horizon.stableHead();
        List<StoredEvent> events = jdbc.sql(SELECT + "WHERE global_index > ? AND global_index <= ? "
                        + "ORDER BY global_index LIMIT ?")
                .params(after, stable, limit).query(mapper()).list();
        return new EventPage(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    /** Aggregates are keyed by UUIDs, except DID directory entries, keyed by their DID. */
    @GetMapping("/{aggregateId}")
    @Operation(summary = "One aggregate's whole history, in sequence order")
    List<StoredEvent> aggregate(@PathVariable String aggregateId) {
        if (aggregateId.length() > MAX_AGGREGATE_ID_LENGTH) {
            throw new BadQueryException("aggregateId", "an aggregate id has at most " + MAX_AGGREGATE_ID_LENGTH
                    + " characters");
        }
        List<StoredEvent> events = jdbc.sql(SELECT + "WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(aggregateId).query(mapper()).list();
        if (events.isEmpty()) {
            throw new NotFoundException("No events for " + aggregateId);
        }
        return events;
    }

    private RowMapper<StoredEvent> mapper() {
        return (rs, row) -> {
            String payloadType = rs.getString("payload_type");
            return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                    payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType,
                    rs.getString("payload_revision"), rs.getString("type"), rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), rs.getString("time_stamp"), json.readTree(rs.getString("payload")),
                    rs.getString("meta") == null ? null : json.readTree(rs.getString("meta")));
        };
    }
}
