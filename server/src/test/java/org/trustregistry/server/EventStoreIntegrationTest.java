package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trustregistry.events.registry.TrustRegistryStatusChanged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event store as auditors and operators meet it: format, table names, and optimistic concurrency. */
class EventStoreIntegrationTest extends IntegrationTest {

    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void events_are_stored_as_json_with_iso_8601_instants_in_snake_case_tables() {
        String registry = createRegistry();
        changeStatus("registries", registry, "SUSPENDED", "maintenance");
        List<String> payloads = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(registry).query(String.class).list();
        assertThat(payloads).hasSize(3); // created, its first signing key, suspended
        JsonNode created = JsonMapper.builder().build().readTree(payloads.get(0));
        assertThat(created.get("ecosystemDid").asString()).startsWith("did:web:");
        assertThat(created.get("createdAt").isString()).as("an instant is a string, not an epoch number").isTrue();
        assertThat(Instant.parse(created.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
        JsonNode changed = JsonMapper.builder().build().readTree(payloads.get(2));
        assertThat(changed.get("effectiveAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(changed.get("previousStatus").asString()).isEqualTo("ACTIVE");

        String metadata = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2").param(registry).query(String.class).single();
        JsonNode meta = JsonMapper.builder().build().readTree(metadata);
        assertThat(meta.get("actorRole").asString()).isEqualTo("admin");
        assertThat(meta.get("requestId").asString()).isNotBlank();

        String type = jdbc.sql("SELECT payload_type || '/' || payload_revision || '/' || type FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 2").param(registry).query(String.class).single();
        assertThat(type).isEqualTo(TrustRegistryStatusChanged.class.getName() + "/1/TrustRegistry");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'domain_event_entry' "
                + "AND column_name = 'payload'").query(String.class).single()).isEqualTo("bytea");
        assertThat(jdbc.sql("SELECT count(*) FROM token_entry").query(Long.class).single()).isPositive();
    }

    @Test
    void two_concurrent_appends_to_one_aggregate_give_one_winner_and_one_conflict() throws Exception {
        String aggregateId = UUID.randomUUID().toString();
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> storageEngine.appendEvents(
                new GenericDomainEventMessage<>("Probe", aggregateId, 0, new ConcurrencyProbe("created"))));
        CyclicBarrier bothReady = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> attempts = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            String reason = "writer " + writer;
            attempts.add(pool.submit(() -> {
                try {
                    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                        await(bothReady);
                        storageEngine.appendEvents(new GenericDomainEventMessage<>("Probe", aggregateId, 1,
                                new ConcurrencyProbe(reason)));
                    });
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Future<?> attempt : attempts) {
            attempt.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(ConcurrencyException.class);
        assertThat(eventCount(aggregateId)).isEqualTo(2);
    }

    @Test
    void an_event_committed_after_a_later_one_keeps_its_own_position_in_the_audit_log() throws Exception {
        String early = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        java.util.concurrent.CountDownLatch appended = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch otherCommitted = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slow = pool.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            storageEngine.appendEvents(new GenericDomainEventMessage<>("Probe", early, 0, new ConcurrencyProbe("early")));
            appended.countDown();
            await(otherCommitted);
        }));
        appended.await(10, TimeUnit.SECONDS);
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> storageEngine.appendEvents(
                new GenericDomainEventMessage<>("Probe", late, 0, new ConcurrencyProbe("late"))));
        otherCommitted.countDown();
        slow.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        awaitProjections();
        for (String aggregate : List.of(early, late)) {
            long stored = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(aggregate).query(Long.class).single();
            long audited = jdbc.sql("SELECT global_index FROM audit_logs WHERE resource_id = ?")
                    .param(aggregate).query(Long.class).single();
            assertThat(audited).as(aggregate).isEqualTo(stored);
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event only the audit log takes notice of, so the shared test database stays consistent. */
    public record ConcurrencyProbe(String note) {
    }

    @Test
    void the_database_has_the_extensions_and_trigram_indexes() {
        // (Hibernate validated every entity against the Flyway schema when the context started)
        assertThat(jdbc.sql("SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension "
                + "WHERE extname IN ('uuid-ossp', 'pg_trgm')").query(String.class).single()).isEqualTo("pg_trgm,uuid-ossp");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
