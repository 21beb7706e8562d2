package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.trustregistry.command.did.UpdateDidService;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventStream;
import org.trustregistry.query.events.StableEventSource;
import org.trustregistry.query.events.StreamHorizon;
import tools.jackson.databind.JsonNode;

/**
 * The global stream only shows events below the point where no commit can still appear: a reader paging
 * with {@code after=} never skips an event that commits after events with higher positions.
 */
class GaplessEventStreamIntegrationTest extends IntegrationTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private StreamHorizon horizon;
    @Autowired
    private StableEventSource source;

    /**
     * The writers append thousands of events: they are projected before the next test runs, so that test's
     * read-your-writes does not wait behind this one's backlog (on a loaded machine it gave up, 2 s).
     */
    @org.junit.jupiter.api.AfterEach
    void projected() {
        assertThat(projections.awaitCaughtUp(java.time.Duration.ofSeconds(90))).as("projections caught up").isTrue();
    }

    @Test
    void an_event_committed_late_below_visible_ones_holds_the_stream_back_until_it_commits() throws Exception {
        long start = horizon.stableHead();
        try (LateCommit held = new LateCommit()) {
            assertThat(held.late).as("committed, above the uncommitted one").isGreaterThan(held.early);
            assertThat(horizon.stableHead()).isLessThan(held.early);
            assertThat(positions(start)).as("nothing at or above the transaction still in flight")
                    .allMatch(p -> p < held.early);

            held.commit();
            assertThat(horizon.stableHead()).isGreaterThanOrEqualTo(held.late);
            assertThat(positions(start)).contains(held.early, held.late);
        }
    }

    @Test
    void the_delegation_cascade_reads_the_same_gapless_stream_with_one_number_for_a_position() throws Exception {
        api.put("/v2/dids/" + did("cascade"), Api.json(Map.of("serviceType", "LinkedDomains",
                "endpoint", "https://cascade.example")), ADMIN_KEY);
        assertThat(projections.awaitCaughtUp(java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(jdbc.sql("SELECT token_type FROM token_entry WHERE processor_name = 'delegation-cascade'")
                .query(String.class).single()).isEqualTo(GlobalSequenceTrackingToken.class.getName());

        long start = horizon.stableHead();
        try (TrackingEventStream stream = source.openStream(new GlobalSequenceTrackingToken(start));
             LateCommit held = new LateCommit()) {
            assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS))
                    .as("nothing while an append below the committed one is in flight").isFalse();

            held.commit();
            List<Long> seen = new ArrayList<>();
            while (seen.size() < 2 && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                seen.add(((GlobalSequenceTrackingToken) stream.nextAvailable().trackingToken()).getGlobalIndex());
            }
            assertThat(seen).as("both, in order, once").containsExactly(held.early, held.late);
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    @Test
    void a_reader_paging_beside_eight_writers_misses_nothing_and_sees_nothing_twice() throws Exception {
        long start = horizon.stableHead();
        int writers = 8;
        int perWriter = 650;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> done = new ArrayList<>();
        String prefix = unique("gap");
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    commands.sendAndWait(asAdmin(new UpdateDidService(
                            "did:web:" + prefix + "-" + writer + "-" + i + ".example",
                            "LinkedDomains", "https://w" + writer + ".example/" + i, Map.of())));
                }
            }));
        }
        List<Long> read = new ArrayList<>();
        long after = start;
        try {
            while (writing.get()) {
                after = page(after, read);
                writing.set(done.stream().anyMatch(f -> !f.isDone()));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // drain: the writers are done, so the stable head reaches the last event
        for (long previous = -2; previous != after; ) {
            previous = after;
            after = page(after, read);
        }
        List<Long> stored = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index").param(start).query(Long.class).list();
        Set<Long> unique = new HashSet<>(read);
        assertThat(read).as("nothing seen twice").hasSameSizeAs(unique);
        assertThat(stored.size()).isGreaterThanOrEqualTo(writers * perWriter);
        assertThat(read).as("every stored event seen, in order").containsExactlyElementsOf(stored);
    }

    /** Reads one page after {@code after} into {@code read}; the next {@code after}. */
    private long page(long after, List<Long> read) {
        JsonNode page = api.get("/v2/events?after=" + after + "&limit=200", ADMIN_KEY).json();
        page.get("items").forEach(item -> read.add(item.get("position").asLong()));
        return page.get("next").asLong();
    }

    private List<Long> positions(long after) {
        List<Long> read = new ArrayList<>();
        for (long previous = -2, next = after; previous != next; ) {
            previous = next;
            next = page(next, read);
        }
        return read;
    }

    /**
     * An append held open: a transaction that has inserted its event (at {@link #early}) and not committed,
     * then an event committed above it (at {@link #late}); {@link #commit()} lets the first one commit.
     */
    private final class LateCommit implements AutoCloseable {
        final long early;
        final long late;
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService writer = Executors.newSingleThreadExecutor();
        private final Future<?> slow;

        LateCommit() throws Exception {
            CountDownLatch appended = new CountDownLatch(1);
            AtomicLong index = new AtomicLong();
            String earlyDid = did("early");
            slow = writer.submit(() -> transactions.executeWithoutResult(status -> {
                commands.sendAndWait(asAdmin(new UpdateDidService(earlyDid, "LinkedDomains",
                        "https://early.example", Map.of())));
                index.set(indexOf(earlyDid));
                appended.countDown();
                await(release);
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            early = index.get();
            String lateDid = did("late");
            api.put("/v2/dids/" + lateDid, Api.json(Map.of("serviceType", "LinkedDomains",
                    "endpoint", "https://late.example")), ADMIN_KEY);
            late = indexOf(lateDid);
        }

        void commit() throws Exception {
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            writer.shutdownNow();
        }

        private long indexOf(String did) {
            return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(did).query(Long.class).single();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
