package org.trustregistry.query.events;

import java.util.List;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the event store in global order below a point the caller got from the {@link StreamHorizon}: there
 * the stream is gapless, so a position is one number and a read that returns fewer rows than asked has
 * seen everything up to that point. The projection engine and the delegation cascade's source read it.
 */
@Component
public class StableEvents {

    private static final String READ = "SELECT global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data "
            + "FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?";

    private final JdbcClient jdbc;
    private final org.axonframework.config.Configuration axon;

    StableEvents(JdbcClient jdbc, org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** The events after {@code after} up to {@code upTo}, at most {@code limit}, each deserialized when first used. */
    public List<TrackedEventMessage<?>> read(long after, long upTo, int limit) {
        List<TrackedDomainEventData<byte[]>> rows = jdbc.sql(READ).params(after, upTo, limit)
                .query((rs, i) -> new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong(1)),
                        new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10))))
                .list();
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), axon.eventSerializer(), axon.upcasterChain())
                .toList();
    }

    /** The global index of an event read here. */
    public static long indexOf(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }
}
