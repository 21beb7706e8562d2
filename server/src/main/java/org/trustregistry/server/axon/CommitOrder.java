package org.trustregistry.server.axon;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.query.events.StreamHorizon;

/**
 * The stable head of the event stream ({@link StreamHorizon}), from what PostgreSQL shows of the
 * transactions that are still appending.
 * <p>
 * Every transaction that appends events first takes a shared advisory lock (held until it commits or
 * rolls back) whose key is the sequence's last value at that moment — a lower bound of every global
 * index it can still insert. pg_locks shows the keys of all such transactions in flight. A reader
 * then takes, in this order: the sequence's last value R, then the smallest key M in flight; every
 * index at or below min(R, M) belongs to a transaction that has finished (its lock is gone, and
 * PostgreSQL makes a commit visible before it releases locks), or to none. Indexes handed out after R
 * was read are above R. Shared locks never wait on each other, so writers are not serialised: the cost
 * is one statement per append.
 */
@Component
public class CommitOrder implements StreamHorizon {

    /** The advisory locks of appending transactions: two-key form, first key in this range. */
    static final long LOCK_NAMESPACE = 0x54520000L;
    static final String SEQUENCE = "domain_event_entry_global_index_seq";

    /** The 64-bit key is split over the two int keys: the high 16 bits in the namespace's low bits. */
    /**
     * What every appending transaction runs before its insert. Public for whatever else must append (a test that
     * stores a hand-made event); tools outside the JVM (bench/clone.py) write the same statement.
     */
    public static final String REGISTER = "SELECT pg_advisory_xact_lock_shared(("
            + LOCK_NAMESPACE + " | (last_value >> 32))::int, last_value::bit(32)::int) FROM " + SEQUENCE;

    /**
     * R and M in one round trip, in that order: the transactions in flight are looked up by a subquery that
     * refers to R, so PostgreSQL evaluates it for the row R is in, after it has read the sequence (a correlated
     * subplan is never run before the row it depends on; two independent subqueries would have no order).
     */
    private static final String VIEW = "SELECT r.handed_out, (SELECT COALESCE(min(((l.classid::bigint & 65535) << 32) "
            + "| l.objid::bigint), " + Long.MAX_VALUE + ") "
            + "FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 2 "
            + "AND l.classid::bigint BETWEEN " + LOCK_NAMESPACE + " AND " + (LOCK_NAMESPACE + 65535)
            + " AND r.handed_out IS NOT NULL) "
            + "FROM (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS handed_out FROM "
            + SEQUENCE + ") r";

    private final JdbcClient jdbc;

    CommitOrder(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Axon's append statement, preceded on the same connection (the transaction's) by the lock. */
    AppendEventsStatementBuilder appendStatements() {
        return (connection, schema, dataType, events, serializer, timestampWriter) -> {
            register(connection);
            return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer,
                    timestampWriter);
        };
    }

    private static void register(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet ignored = statement.executeQuery(REGISTER)) {
            // the lock is the point; it is released with the transaction
        }
    }

    @Override
    public long stableHead() {
        return view().stable();
    }

    @Override
    public View view() {
        // the order matters: the last value first, then the transactions in flight (see the class comment)
        return jdbc.sql(VIEW).query((rs, i) -> {
            long handedOut = rs.getLong(1);
            return new View(Math.min(handedOut, rs.getLong(2)), handedOut);
        }).single();
    }
}
