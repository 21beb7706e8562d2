package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.database.EmbeddedPostgresServer;

/**
 * PostgreSQL frozen (SIGSTOP) or killed: requests are answered at once with 503 + Retry-After instead of
 * hanging, readiness goes DOWN, and everything recovers by itself once the database is back — the
 * embedded one is even started again when it died.
 */
class DatabaseOutageIntegrationTest extends IntegrationTest {

    /** A request that has not been answered by then counts as hanging. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);

    @Autowired
    private EmbeddedPostgresServer postgres;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void a_frozen_database_gets_503s_at_once_and_everything_recovers_when_it_thaws() throws Exception {
        Fixture fixture = fixture();
        List<Long> frozen = postgresProcesses();
        signal("-STOP", frozen);
        try {
            eventually(() -> api.get("/actuator/health/readiness", null).status() == 503 ? true : null);
            assertThat(api.get("/actuator/health/readiness", null).json()
                    .at("/components/database/status").asString()).isEqualTo("DOWN");
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            assertOutage(fixture);
        } finally {
            signal("-CONT", frozen);
        }
        assertRecovered(fixture);
    }

    @Test
    void a_killed_embedded_database_is_started_again_and_everything_recovers() throws Exception {
        Fixture fixture = fixture();
        long before = postgres.pid().orElseThrow();
        signal("-KILL", List.of(before));
        Api.Response during = send(HttpRequest.newBuilder(uri("/v2/issuers")).GET());
        assertThat(during.status()).as("answered, never hung: %s", during).isIn(200, 503);
        assertRecovered(fixture);
        assertThat(postgres.pid().orElseThrow()).as("a new postmaster").isNotEqualTo(before);
    }

    @Test
    void a_segment_axon_keeps_from_being_claimed_after_a_failure_is_claimed_back_at_once() throws Exception {
        Fixture fixture = fixture();
        StreamingEventProcessor cascade = processing.eventProcessor("delegation-cascade", StreamingEventProcessor.class)
                .orElseThrow();
        // what a work package failing on a dead database leaves: its segment released, and blocked from being
        // claimed again for a back-off (up to a minute), while the processor reports neither error nor stop
        cascade.releaseSegment(0, 10, TimeUnit.MINUTES);
        try {
            eventually(() -> cascade.processingStatus().isEmpty() ? true : null);
            assertThat(projections.restartUnhealthy().started()).contains("delegation-cascade");
            eventually(() -> cascade.processingStatus().containsKey(0) ? true : null);
            assertRecovered(fixture);
        } finally {
            cascade.claimSegment(0).get(10, TimeUnit.SECONDS);
        }
    }

    private record Fixture(String ecosystem, String did, String type) {
    }

    private Fixture fixture() {
        eventually(() -> api.get("/actuator/health/readiness", null).status() == 200 ? true : null);
        String registry = createRegistry();
        String ecosystem = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        String type = unique("Outage");
        String schema = createSchema(registry, type);
        String did = did("outage");
        changeStatus("issuers", register("issuers", registry, did, List.of(schema)), "ACTIVE", null);
        assertThat(trqp(new Fixture(ecosystem, did, type)).json().get("authorized").asBoolean()).isTrue();
        return new Fixture(ecosystem, did, type);
    }

    private void assertOutage(Fixture fixture) {
        assertUnavailable(sendJson("POST", "/v2/authorization", trqpBody(fixture), null));
        assertUnavailable(send(HttpRequest.newBuilder(uri("/v2/issuers")).GET()));
        assertUnavailable(send(HttpRequest.newBuilder(uri("/v2/events")).header("X-API-Key", ADMIN_KEY).GET()));
        Api.Response write = sendJson("POST", "/v2/registries", Api.json(Map.of("name", "During the outage",
                "ecosystemDid", did("outage-eco"))), ADMIN_KEY);
        assertUnavailable(write);
        assertThat(write.json().get("detail").asString()).contains("Idempotency-Key");
    }

    private void assertRecovered(Fixture fixture) {
        Api.Response answer = eventually(() -> {
            Api.Response r = trqp(fixture);
            return r.status() == 200 ? r : null;
        });
        assertThat(answer.json().get("authorized").asBoolean()).isTrue();
        eventually(() -> api.get("/actuator/health/readiness", null).status() == 200 ? true : null);
        // every processor follows writes again by itself, well before Axon's own back-off (a minute) would
        // have let it: a write is answered without naming a projection that had not got there
        List<String> stale = new ArrayList<>();
        eventually(() -> {
            Api.Response r = api.post("/v2/registries", Api.json(Map.of("name", unique("After the outage "),
                    "ecosystemDid", did("after"))), ADMIN_KEY);
            if (r.status() == 201 && r.header("X-Stale-Projections") != null) {
                stale.add(r.header("X-Stale-Projections"));
            }
            return r.status() == 201 && r.header("X-Stale-Projections") == null ? r : null;
        });
        System.out.println("outage: writes answered stale after the recovery: " + stale);
        awaitProjections();
    }

    private static void assertUnavailable(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.header("X-Request-ID")).isNotBlank();
    }

    private Api.Response trqp(Fixture fixture) {
        return api.post("/v2/authorization", trqpBody(fixture), null);
    }

    private static String trqpBody(Fixture fixture) {
        return Api.json(Map.of("entity_id", fixture.did(), "authority_id", fixture.ecosystem(), "action", "issue",
                "resource", fixture.type()));
    }

    private Api.Response sendJson(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request);
    }

    private Api.Response send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(ANSWER_WITHIN).build();
        long start = System.nanoTime();
        Api.Response response = api.send(built);
        System.out.printf("outage: %s %s -> %d in %d ms%n", built.method(), built.uri().getPath(), response.status(),
                (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    private java.net.URI uri(String path) {
        return api.builder(path, null).build().uri();
    }

    /** The postmaster and every process it started (the backends serving the connections). */
    private List<Long> postgresProcesses() {
        ProcessHandle postmaster = ProcessHandle.of(postgres.pid().orElseThrow()).orElseThrow();
        List<Long> all = new ArrayList<>(List.of(postmaster.pid()));
        postmaster.descendants().forEach(p -> all.add(p.pid()));
        return all;
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
