package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.server.idempotency.IdempotencyCleanup;
import org.trustregistry.server.idempotency.RequestFingerprint;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency-Key on the write API: the same key and request answer the first answer and write nothing
 * more, also when the requests race and when the first answer never reached the client; the key is
 * recorded in the transaction of the command's events, so it exists exactly when they do.
 */
class IdempotencyIntegrationTest extends IntegrationTest {

    private static final String REPLAYED = "Idempotent-Replayed";

    @Autowired
    private ApiKeys keys;
    @Autowired
    private IdempotencyCleanup cleanup;
    @Autowired
    private DataSource dataSource;

    private UUID adminKeyId;

    @BeforeEach
    void caller() {
        adminKeyId = keys.authenticate(ADMIN_KEY).orElseThrow().keyId();
    }

    private static String newKey() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    private Api.Response keyed(String method, String path, String body, String idempotencyKey) {
        return keyed(method, path, body, idempotencyKey, ADMIN_KEY, null);
    }

    private Api.Response keyed(String method, String path, String body, String idempotencyKey, String apiKey,
                               String requestId) {
        HttpRequest.Builder request = api.builder(path, apiKey).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) {
            request.header("X-Request-ID", requestId);
        }
        return api.send(request.build());
    }

    private static String framework(String name) {
        return Api.json(Map.of("name", name, "version", "1.0", "jurisdictions", List.of("EU")));
    }

    /** TrustFrameworkCreated events naming this (unique) framework: each is one framework more. */
    private long frameworksCreated(String name) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.TrustFrameworkCreated' "
                + "AND convert_from(payload, 'UTF8')::jsonb ->> 'name' = ?").param(name).query(Long.class).single();
    }

    private long records(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE caller_id = ? AND idempotency_key = ?")
                .params(adminKeyId, unquoted(key)).query(Long.class).single();
    }

    private static String unquoted(String key) {
        return key.substring(1, key.length() - 1);
    }

    private static void assertSameAnswer(Api.Response replay, Api.Response first) {
        assertThat(replay.status()).as(replay.toString()).isEqualTo(first.status());
        assertThat(replay.text()).as("the body, byte for byte").isEqualTo(first.text());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.contentType()).isEqualTo(first.contentType());
        assertThat(replay.header(REPLAYED)).isEqualTo("true");
    }

    @Test
    void the_same_key_and_body_give_the_first_answer_and_no_second_event() {
        String name = unique("Framework ");
        String key = newKey();
        Api.Response first = keyed("POST", "/v2/trust-frameworks", framework(name), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(first.header("Location")).endsWith("/v2/trust-frameworks/" + first.id());

        Api.Response again = keyed("POST", "/v2/trust-frameworks", framework(name), key);
        assertSameAnswer(again, first);
        assertThat(frameworksCreated(name)).isEqualTo(1);
        assertThat(eventCount(first.id())).isEqualTo(1);
        assertThat(again.header("X-Request-ID")).as("the replay is its own request").isNotEqualTo(first.header("X-Request-ID"));
    }

    @Test
    void the_same_document_written_differently_is_the_same_request() {
        String name = unique("Framework ");
        String key = newKey();
        Api.Response first = keyed("POST", "/v2/trust-frameworks",
                "{\"name\":\"" + name + "\",\"version\":\"1.0\"}", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response reordered = keyed("POST", "/v2/trust-frameworks",
                "{\n  \"version\": \"1.0\",\n  \"name\": \"" + name + "\"\n}", unquoted(key));
        assertSameAnswer(reordered, first);
        assertThat(frameworksCreated(name)).isEqualTo(1);
    }

    @Test
    void an_update_and_a_status_change_are_replayed_without_a_second_event() {
        String registry = createRegistry();
        long before = eventCount(registry);
        String update = Api.json(Map.of("name", unique("Renamed "), "governanceAuthority", "Board"));
        String updateKey = newKey();
        Api.Response updated = keyed("PUT", "/v2/registries/" + registry, update, updateKey);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertSameAnswer(keyed("PUT", "/v2/registries/" + registry, update, updateKey), updated);
        assertThat(eventCount(registry)).isEqualTo(before + 1);

        String issuer = register("issuers", registry, did("idem"), List.of());
        String activate = Api.json(Map.of("status", "ACTIVE"));
        String statusKey = newKey();
        Api.Response activated = keyed("PATCH", "/v2/issuers/" + issuer + "/status", activate, statusKey);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
        long afterActivation = eventCount(issuer);
        Api.Response replayed = keyed("PATCH", "/v2/issuers/" + issuer + "/status", activate, statusKey);
        assertSameAnswer(replayed, activated);
        assertThat(eventCount(issuer)).isEqualTo(afterActivation);

        // the replay is the first answer even after the resource changed since
        assertThat(changeStatus("issuers", issuer, "SUSPENDED", "audit").status()).isEqualTo(200);
        assertSameAnswer(keyed("PATCH", "/v2/issuers/" + issuer + "/status", activate, statusKey), activated);
    }

    @Test
    void the_same_key_for_another_request_is_a_422_problem_and_writes_nothing() {
        String name = unique("Framework ");
        String key = newKey();
        Api.Response first = keyed("POST", "/v2/trust-frameworks", framework(name), key);
        assertThat(first.status()).isEqualTo(201);

        Api.Response otherBody = keyed("POST", "/v2/trust-frameworks", framework(name + " v2"), key);
        assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        assertThat(otherBody.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(otherBody.json().get("detail").asString()).contains("POST /v2/trust-frameworks");
        assertThat(otherBody.json().get("instance").asString()).isEqualTo("/v2/trust-frameworks");
        assertThat(frameworksCreated(name + " v2")).isZero();

        Api.Response otherPath = keyed("PUT", "/v2/trust-frameworks/" + first.id(), framework(name), key);
        assertThat(otherPath.status()).as(otherPath.toString()).isEqualTo(422);
        assertThat(eventCount(first.id())).isEqualTo(1);
    }

    @Test
    void keys_are_the_callers_own() {
        String otherAdmin = ApiKeys.newKey();
        keys.store("second admin", otherAdmin, Role.ADMIN, null, "test");
        String name = unique("Framework ");
        String key = newKey();
        Api.Response mine = keyed("POST", "/v2/trust-frameworks", framework(name), key);
        Api.Response theirs = keyed("POST", "/v2/trust-frameworks", framework(name), key, otherAdmin, null);
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        assertThat(theirs.header(REPLAYED)).isNull();
        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(frameworksCreated(name)).isEqualTo(2);

        assertSameAnswer(keyed("POST", "/v2/trust-frameworks", framework(name), key, otherAdmin, null), theirs);
        assertSameAnswer(keyed("POST", "/v2/trust-frameworks", framework(name), key), mine);
        assertThat(keyed("POST", "/v2/trust-frameworks", framework("other"), key, otherAdmin, null).status())
                .isEqualTo(422);
    }

    @Test
    void concurrent_duplicates_make_one_event_and_all_get_the_first_answer() throws Exception {
        String name = unique("Framework ");
        String key = newKey();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return keyed("POST", "/v2/trust-frameworks", framework(name), key);
                }));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            List<Api.Response> firsts = answers.stream().filter(a -> a.header(REPLAYED) == null).toList();
            assertThat(firsts).as("exactly one request ran the command").hasSize(1);
            Api.Response first = firsts.get(0);
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            answers.stream().filter(a -> a != first).forEach(a -> assertSameAnswer(a, first));
            assertThat(frameworksCreated(name)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The race made deterministic: a first request's claim is held uncommitted (here by the test), the
     * duplicate waits on it, and answers with what the first request committed.
     */
    @Test
    void a_duplicate_waits_for_the_first_request_and_answers_its_answer() throws Exception {
        String name = unique("Framework ");
        String key = UUID.randomUUID().toString();
        String body = framework(name);
        String fingerprint = RequestFingerprint.of("POST", "/v2/trust-frameworks", null, body.getBytes(StandardCharsets.UTF_8));
        String held = "{\"id\":\"held-by-the-first-request\"}";
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            holdClaim(first, key, fingerprint, held);
            CompletableFuture<Api.Response> duplicate = CompletableFuture.supplyAsync(
                    () -> keyed("POST", "/v2/trust-frameworks", body, key));
            awaitWaitingOnTheClaim(duplicate);
            first.commit();
            Api.Response answer = duplicate.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.text()).isEqualTo(held);
            assertThat(answer.header("Location")).isEqualTo("http://first.example/held");
            assertThat(answer.header(REPLAYED)).isEqualTo("true");
        }
        assertThat(frameworksCreated(name)).as("the duplicate did not run its command").isZero();
    }

    @Test
    void a_concurrent_request_with_the_key_and_another_body_is_a_422() throws Exception {
        String name = unique("Framework ");
        String key = UUID.randomUUID().toString();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            holdClaim(first, key, "0".repeat(64), "{}");
            CompletableFuture<Api.Response> other = CompletableFuture.supplyAsync(
                    () -> keyed("POST", "/v2/trust-frameworks", framework(name), key));
            awaitWaitingOnTheClaim(other);
            first.commit();
            Api.Response answer = other.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
            assertThat(answer.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        }
        assertThat(frameworksCreated(name)).isZero();
    }

    @Test
    void when_the_first_request_rolls_back_the_waiting_duplicate_runs_the_command_itself() throws Exception {
        String name = unique("Framework ");
        String key = UUID.randomUUID().toString();
        String body = framework(name);
        String fingerprint = RequestFingerprint.of("POST", "/v2/trust-frameworks", null, body.getBytes(StandardCharsets.UTF_8));
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            holdClaim(first, key, fingerprint, "{}");
            CompletableFuture<Api.Response> duplicate = CompletableFuture.supplyAsync(
                    () -> keyed("POST", "/v2/trust-frameworks", body, key));
            awaitWaitingOnTheClaim(duplicate);
            first.rollback();
            Api.Response answer = duplicate.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.header(REPLAYED)).isNull();
        }
        assertThat(frameworksCreated(name)).isEqualTo(1);
        assertThat(records("\"" + key + "\"")).isEqualTo(1);
    }

    private void holdClaim(Connection connection, String key, String fingerprint, String answer) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_keys (caller_id, "
                + "idempotency_key, fingerprint, request_method, request_target, response_status, response_location, "
                + "response_content_type, response_body, created_at) VALUES (?, ?, ?, 'POST', '/v2/trust-frameworks', "
                + "201, 'http://first.example/held', 'application/json', ?, now())")) {
            insert.setObject(1, adminKeyId);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setBytes(4, answer.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    /** Until the request's own claim of the key waits for the held one (a lock wait in PostgreSQL). */
    private void awaitWaitingOnTheClaim(CompletableFuture<Api.Response> request) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            assertThat(request).as("the request must wait for the held claim").isNotDone();
            long waiting = jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE 'INSERT INTO idempotency_keys%'").query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The request never waited on the held claim");
    }

    @Test
    void a_failed_command_leaves_no_record_and_the_key_works_once_the_state_allows_it() {
        String issuer = register("issuers", createRegistry(), did("idem"), List.of());
        String suspend = Api.json(Map.of("status", "SUSPENDED", "reason", "audit"));
        String key = newKey();
        long before = eventCount(issuer);

        Api.Response refused = keyed("PATCH", "/v2/issuers/" + issuer + "/status", suspend, key);
        assertThat(refused.status()).as("a pending issuer cannot be suspended").isEqualTo(409);
        assertThat(records(key)).as("the claim rolled back with the command").isZero();
        assertThat(eventCount(issuer)).isEqualTo(before);
        assertThat(keyed("PATCH", "/v2/issuers/" + issuer + "/status", suspend, key).status())
                .as("a failure is not replayed: the request runs again").isEqualTo(409);

        assertThat(changeStatus("issuers", issuer, "ACTIVE", null).status()).isEqualTo(200);
        Api.Response suspended = keyed("PATCH", "/v2/issuers/" + issuer + "/status", suspend, key);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.header(REPLAYED)).isNull();
        assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
        assertSameAnswer(keyed("PATCH", "/v2/issuers/" + issuer + "/status", suspend, key), suspended);
        assertThat(records(key)).isEqualTo(1);
    }

    @Test
    void a_key_is_recorded_if_and_only_if_the_events_of_its_command_are() {
        String registry = createRegistry();
        String did = did("claimed");
        String body = Api.json(Map.of("did", did, "registryId", registry, "name", "Claimed"));
        String committed = unique("rid-");
        String rolledBack = unique("rid-");

        Api.Response registered = keyed("POST", "/v2/issuers", body, newKey(), ADMIN_KEY, committed);
        assertThat(registered.status()).isEqualTo(201);
        // the DID claim of the same DID fails after the key was claimed, in the same transaction
        Api.Response duplicateDid = keyed("POST", "/v2/issuers", body, newKey(), ADMIN_KEY, rolledBack);
        assertThat(duplicateDid.status()).as(duplicateDid.toString()).isEqualTo(409);

        assertThat(recordsOfRequest(committed)).isEqualTo(1);
        assertThat(eventsOfRequest(committed)).isPositive();
        assertThat(recordsOfRequest(rolledBack)).isZero();
        assertThat(eventsOfRequest(rolledBack)).isZero();
        assertThat(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(registered.id()).query(String.class).list())
                .as("the key is the command's business, not the events'")
                .allSatisfy(metadata -> assertThat(metadata).doesNotContain("idempotency", "answerStatus"));
    }

    private long recordsOfRequest(String requestId) {
        return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE request_id = ?").param(requestId)
                .query(Long.class).single();
    }

    private long eventsOfRequest(String requestId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry "
                + "WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ? "
                + "AND payload_type NOT LIKE 'org.trustregistry.events.access.%'").param(requestId) // refusals are audited
                .query(Long.class).single();
    }

    @Test
    void the_first_answer_is_replayed_when_the_client_never_read_it() throws Exception {
        String name = unique("Framework ");
        String key = newKey();
        byte[] body = framework(name).getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(api.builder("/", null).build().uri().toString());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2/trust-frameworks HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nX-API-Key: " + ADMIN_KEY + "\r\nIdempotency-Key: " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } // the connection is gone before any answer is read
        Instant deadline = Instant.now().plusSeconds(30);
        while (records(key) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(records(key)).as("the first request committed").isEqualTo(1);

        Api.Response retry = keyed("POST", "/v2/trust-frameworks", framework(name), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.header("Location")).endsWith("/v2/trust-frameworks/" + retry.id());
        assertThat(frameworksCreated(name)).isEqualTo(1);
        assertThat(eventCount(retry.id())).isEqualTo(1);
    }

    @Test
    void a_malformed_key_is_a_400_problem_and_writes_nothing() {
        String name = unique("Framework ");
        for (String malformed : List.of("\"unterminated", "\"\"", "\"" + "k".repeat(256) + "\"", "two words",
                "\"a\", \"b\"")) {
            Api.Response refused = keyed("POST", "/v2/trust-frameworks", framework(name), malformed);
            assertThat(refused.status()).as(malformed + ": " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("/problems/invalid-idempotency-key");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        }
        Api.Response twoHeaders = api.send(api.builder("/v2/trust-frameworks", ADMIN_KEY)
                .header("Idempotency-Key", "\"a\"").header("Idempotency-Key", "\"b\"")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(framework(name))).build());
        assertThat(twoHeaders.status()).as(twoHeaders.toString()).isEqualTo(400);
        assertThat(frameworksCreated(name)).isZero();
    }

    @Test
    void a_chunked_body_over_the_limit_is_still_a_413_with_a_key() {
        byte[] big = ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Response tooLarge = api.send(api.builder("/v2/trust-frameworks", ADMIN_KEY)
                .header("Idempotency-Key", newKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_key_older_than_the_retention_is_forgotten_and_is_then_new_again() {
        String name = unique("Framework ");
        String oldKey = newKey();
        String recentKey = newKey();
        Api.Response first = keyed("POST", "/v2/trust-frameworks", framework(name), oldKey);
        assertThat(keyed("POST", "/v2/trust-frameworks", framework(name + " 2"), recentKey).status()).isEqualTo(201);
        Duration retention = cleanup.retention();
        assertThat(retention).isGreaterThanOrEqualTo(Duration.ofHours(24));
        Instant now = Instant.now();
        age(oldKey, now.minus(retention).minusSeconds(60));
        age(recentKey, now.minus(retention).plusSeconds(600));

        assertThat(cleanup.removeExpired()).isPositive();
        assertThat(records(oldKey)).isZero();
        assertThat(records(recentKey)).as("younger than the retention").isEqualTo(1);

        Api.Response again = keyed("POST", "/v2/trust-frameworks", framework(name), oldKey);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(REPLAYED)).isNull();
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(frameworksCreated(name)).isEqualTo(2);
        assertThat(keyed("POST", "/v2/trust-frameworks", framework(name + " 2"), recentKey).header(REPLAYED))
                .isEqualTo("true");
    }

    private void age(String key, Instant createdAt) {
        assertThat(jdbc.sql("UPDATE idempotency_keys SET created_at = ? WHERE caller_id = ? AND idempotency_key = ?")
                .params(Timestamp.from(createdAt), adminKeyId, unquoted(key)).update()).isEqualTo(1);
    }

    @Test
    void a_delete_and_a_post_without_body_are_replayed_too() {
        String registry = createRegistry();
        String key = newKey();
        Api.Response rotated = keyed("POST", "/v2/registries/" + registry + "/keys/rotate", null, key);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        long events = eventCount(registry);
        assertSameAnswer(keyed("POST", "/v2/registries/" + registry + "/keys/rotate", null, key), rotated);
        assertThat(eventCount(registry)).isEqualTo(events);

        String schema = createSchema(registry, unique("Type"));
        String issuer = register("issuers", registry, did("withdrawn"), List.of(schema));
        String withdraw = "/v2/issuers/" + issuer + "/credential-types/" + schema + "?reason=gone";
        String deleteKey = newKey();
        Api.Response withdrawn = keyed("DELETE", withdraw, null, deleteKey);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        long issuerEvents = eventCount(issuer);
        assertSameAnswer(keyed("DELETE", withdraw, null, deleteKey), withdrawn);
        assertThat(eventCount(issuer)).isEqualTo(issuerEvents);
        assertThat(keyed("DELETE", withdraw.replace("gone", "other"), null, deleteKey).status())
                .as("the query is part of the request").isEqualTo(422);
    }

    @Test
    void a_did_resolution_is_replayed_but_a_failed_one_is_tried_again() {
        String didKey = DidKeys.randomEd25519();
        String path = "/v2/dids/" + didKey;
        String service = Api.json(Map.of("serviceType", "LinkedDomains", "endpoint", "https://k.example"));
        assertThat(api.put(path, service, ADMIN_KEY).status()).isEqualTo(200);
        String key = newKey();
        Api.Response resolved = keyed("POST", path + "/resolve", null, key);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        long events = eventCount(didKey);
        assertSameAnswer(keyed("POST", path + "/resolve", null, key), resolved);
        assertThat(eventCount(didKey)).isEqualTo(events);

        String unreachable = "did:web:127.0.0.1%3A1:" + unique("nobody");
        String unreachablePath = "/v2/dids/" + unreachable.replace("%", "%25");
        assertThat(api.put(unreachablePath, service, ADMIN_KEY).status()).isEqualTo(200);
        String failedKey = newKey();
        long before = eventCount(unreachable);
        assertThat(keyed("POST", unreachablePath + "/resolve", null, failedKey).status()).isEqualTo(502);
        Api.Response again = keyed("POST", unreachablePath + "/resolve", null, failedKey);
        assertThat(again.status()).isEqualTo(502);
        assertThat(again.header(REPLAYED)).isNull();
        assertThat(eventCount(unreachable)).as("each attempt is recorded").isEqualTo(before + 2);
        assertThat(records(failedKey)).isZero();
    }

    @Test
    void writes_that_are_no_command_and_queries_accept_the_header() {
        String key = newKey();
        Api.Response rebuild = keyed("POST", "/v2/admin/projections/audit-log/rebuild", null, key);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        assertThat(rebuild.header(REPLAYED)).isNull();
        Api.Response malformed = keyed("POST", "/v2/admin/projections/audit-log/rebuild", null, "\"unterminated");
        assertThat(malformed.status()).as("not a command: the key is not looked at").isEqualTo(202);
        awaitProjections();

        Api.Response query = keyed("POST", "/v2/authorization", Api.json(Map.of("entity_id", "did:web:nobody.example",
                "authority_id", "did:web:nowhere.example", "action", "issue", "resource", "X")), "\"unterminated");
        assertThat(query.status()).as("a query is no write: the header is ignored").isIn(200, 404);
        assertThat(query.json().path("type").asString()).isNotEqualTo("/problems/invalid-idempotency-key");
    }

    @Test
    void the_openapi_document_names_the_header_on_every_write() {
        JsonNode docs = api.get("/v3/api-docs", null).json();
        assertThat(docs.at("/components/parameters/IdempotencyKey/in").asString()).isEqualTo("header");
        assertThat(docs.at("/components/parameters/IdempotencyKey/name").asString()).isEqualTo("Idempotency-Key");
        int commands = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                JsonNode operation = entry.getValue();
                String route = entry.getKey() + " " + path.getKey();
                boolean write = !List.of("get", "head", "options").contains(entry.getKey()) && operation.has("security");
                List<String> parameters = new ArrayList<>();
                operation.path("parameters").forEach(p -> parameters.add(p.has("$ref") ? p.get("$ref").asString()
                        : p.path("name").asString()));
                if (!write) {
                    assertThat(parameters).as(route).doesNotContain("Idempotency-Key", "#/components/parameters/IdempotencyKey");
                } else if (operation.get("responses").has("409")) { // a command
                    commands++;
                    assertThat(parameters).as(route).containsOnlyOnce("#/components/parameters/IdempotencyKey");
                    assertThat(operation.at("/responses/422/$ref").asString()).as(route)
                            .isEqualTo("#/components/responses/IdempotencyKeyReused");
                    assertThat(operation.at("/responses/400").isMissingNode()).as(route).isFalse();
                    operation.get("responses").properties().stream().filter(r -> r.getKey().startsWith("2"))
                            .forEach(r -> assertThat(r.getValue().at("/headers/Idempotent-Replayed").isMissingNode())
                                    .as(route).isFalse());
                    assertThat(operation.has("x-trust-registry-command")).isFalse();
                } else {
                    assertThat(parameters).as(route).containsOnlyOnce("Idempotency-Key");
                    assertThat(operation.get("responses").has("422")).as(route).isFalse();
                }
            }
        }
        assertThat(commands).as("command-side writes").isGreaterThan(25);
        assertThat(docs.at("/paths/~1v2~1admin~1projections~1{name}~1rebuild/post/parameters").toString())
                .contains("Idempotency-Key", "ignored");
    }
}
