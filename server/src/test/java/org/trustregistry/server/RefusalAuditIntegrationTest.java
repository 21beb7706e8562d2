package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.trustregistry.server.refusals.RefusalAudit;
import org.trustregistry.server.refusals.RefusalAuditSettings;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Refused requests are stored events (AccessRefused) that the audit log turns into DENIED / REJECTED rows;
 * floods are summarised per client address and window; a refusal never waits for the store.
 */
class RefusalAuditIntegrationTest extends IntegrationTest {

    private static final String ACCESS_REFUSED = "org.trustregistry.events.access.AccessRefused";

    @Autowired
    private ApiKeys keys;
    @Autowired
    private RefusalAudit audit;
    @Autowired
    private DataSource dataSource;
    @Value("${local.server.port}")
    private int port;

    @BeforeEach
    void freshWindow() {
        settle();
    }

    /** A window of its own for the test, with nothing of earlier ones still to be written; the store's last index. */
    private long settle() {
        audit.closeWindow();
        eventually(() -> audit.pending() == 0 ? Boolean.TRUE : null);
        return lastIndex();
    }

    private long configure(RefusalAuditSettings settings) {
        audit.configure(settings);
        return settle();
    }

    @AfterEach
    void restore() {
        audit.reset();
        audit.closeWindow();
    }

    /** Waits until the server has judged this many more requests than {@code before} (answers can come first). */
    private void awaitJudged(long before, int requests) {
        eventually(() -> audit.requestsJudged() >= before + requests ? Boolean.TRUE : null);
    }

    private Api.Response send(String method, String path, String body, String key, String requestId) {
        HttpRequest.Builder request = api.builder(path, key).header("X-Request-ID", requestId);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The audit row of a request, once the projection has it. */
    private JsonNode rowOf(String requestId) {
        return eventually(() -> {
            List<String> rows = jdbc.sql("SELECT row_to_json(a)::text FROM audit_logs a WHERE request_id = ?")
                    .param(requestId).query(String.class).list();
            return rows.isEmpty() ? null : Api.parse(rows.get(0));
        });
    }

    private List<String> eventTypesOf(String requestId) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry "
                        + "WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ?")
                .param(requestId).query(String.class).list();
    }

    private long lastIndex() {
        return jdbc.sql("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private List<JsonNode> summariesAfter(long index) {
        return jdbc.sql("SELECT details::text FROM audit_logs WHERE action = 'AccessRefusalsSummarised' "
                        + "AND global_index > ? ORDER BY global_index")
                .param(index).query(String.class).list().stream().map(Api::parse).toList();
    }

    private static String requestId() {
        return "refusal-" + UUID.randomUUID();
    }

    @Test
    void a_write_without_a_key_is_a_denied_event_and_audit_row_with_its_operation_target_and_reason() {
        String issuer = UUID.randomUUID().toString();
        String requestId = requestId();
        Api.Response refused = send("PATCH", "/v2/issuers/" + issuer + "/status", "{\"status\":\"SUSPENDED\"}",
                null, requestId);
        assertThat(refused.status()).isEqualTo(401);

        JsonNode row = rowOf(requestId);
        assertThat(row.get("result").asString()).isEqualTo("DENIED");
        assertThat(row.get("action").asString()).isEqualTo("PATCH /v2/issuers/{id}/status");
        assertThat(row.get("resource_type").asString()).isEqualTo("Issuer");
        assertThat(row.get("resource_id").asString()).isEqualTo(issuer);
        assertThat(row.get("actor_id").isNull()).isTrue();
        JsonNode details = row.get("details");
        assertThat(details.get("status").asInt()).isEqualTo(401);
        assertThat(details.get("target").asString()).isEqualTo("/v2/issuers/" + issuer + "/status");
        assertThat(details.get("reason").asString()).isEqualTo(refused.json().get("detail").asString());
        assertThat(details.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(details.get("requestId").asString()).isEqualTo(requestId);
        // one stored event of its own, and nothing else
        assertThat(eventTypesOf(requestId)).containsExactly(ACCESS_REFUSED);
        assertThat(jdbc.sql("SELECT type IS NULL FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8')::jsonb "
                + "->> 'requestId' = ?").param(requestId).query(Boolean.class).single()).as("no aggregate").isTrue();

        JsonNode listed = api.get("/v2/audit-log?result=DENIED&resourceType=Issuer&resourceId=" + issuer, ADMIN_KEY)
                .json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void a_forbidden_write_names_the_key_and_its_role() {
        String auditorKey = ApiKeys.newKey();
        UUID keyId = keys.store("refused auditor", auditorKey, Role.AUDITOR, null, "test");
        String requestId = requestId();
        Api.Response refused = send("POST", "/v2/registries", Api.json(Map.of("name", "Refused",
                "ecosystemDid", did("refused"), "governanceAuthority", "Board")), auditorKey, requestId);
        assertThat(refused.status()).isEqualTo(403);

        JsonNode row = rowOf(requestId);
        assertThat(row.get("result").asString()).isEqualTo("DENIED");
        assertThat(row.get("actor_id").asString()).isEqualTo(keyId.toString());
        assertThat(row.get("actor_role").asString()).isEqualTo("auditor");
        assertThat(row.get("action").asString()).isEqualTo("POST /v2/registries");
        assertThat(row.get("resource_type").asString()).isEqualTo("TrustRegistry");
        assertThat(row.get("resource_id").asString()).isEqualTo("-");
        assertThat(eventTypesOf(requestId)).containsExactly(ACCESS_REFUSED);
    }

    @Test
    void a_write_the_command_side_refuses_is_rejected_and_writes_no_other_event() {
        String registry = createRegistry();
        String issuer = register("issuers", registry, did("refused-issuer"), List.of());
        assertThat(changeStatus("issuers", issuer, "REVOKED", "gone").status()).isEqualTo(200);
        String requestId = requestId();
        Api.Response refused = send("PATCH", "/v2/issuers/" + issuer + "/status",
                Api.json(Map.of("status", "ACTIVE")), ADMIN_KEY, requestId);
        assertThat(refused.status()).isEqualTo(409);

        JsonNode row = rowOf(requestId);
        assertThat(row.get("result").asString()).isEqualTo("REJECTED");
        assertThat(row.get("actor_role").asString()).isEqualTo("admin");
        assertThat(row.get("details").get("reason").asString()).isEqualTo(refused.json().get("detail").asString());
        assertThat(row.get("details").get("status").asInt()).isEqualTo(409);
        assertThat(eventTypesOf(requestId)).containsExactly(ACCESS_REFUSED);
        // the issuer's own audit trail shows the refused attempt beside its events
        JsonNode trail = api.get("/v2/audit-log?resourceId=" + issuer + "&size=50", ADMIN_KEY).json().get("items");
        assertThat(trail.valueStream().map(r -> r.get("result").asString()).toList())
                .contains("SUCCESS", "REJECTED");
    }

    @Test
    void malformed_and_unsupported_writes_are_rejected_with_what_the_edge_said() {
        String malformed = requestId();
        Api.Response badBody = send("POST", "/v2/registries", "{\"name\": 12}", ADMIN_KEY, malformed);
        assertThat(badBody.status()).isEqualTo(400);
        String unsupported = requestId();
        Api.Response xml = api.send(api.builder("/v2/registries", ADMIN_KEY).header("X-Request-ID", unsupported)
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<a/>")).build());
        assertThat(xml.status()).isEqualTo(415);

        assertThat(rowOf(malformed).get("result").asString()).isEqualTo("REJECTED");
        assertThat(rowOf(malformed).get("details").get("reason").asString())
                .isEqualTo(badBody.json().get("detail").asString());
        assertThat(rowOf(unsupported).get("details").get("status").asInt()).isEqualTo(415);
        assertThat(eventTypesOf(malformed)).containsExactly(ACCESS_REFUSED);
    }

    @Test
    void hostile_text_in_a_refused_request_is_stored_harmlessly_and_the_audit_log_keeps_running() {
        // an encoded control character in the path (400 at the edge): the resource id would carry it
        String requestId = "refusal-ctl-" + UUID.randomUUID();
        RawHttp.Answer answer = RawHttp.request(port, "DELETE", "/v2/issuers/%01x%7F/credential-types/y",
                List.of("X-Request-ID: " + requestId, "X-API-Key: " + ADMIN_KEY), null);
        assertThat(answer.status()).isEqualTo(400);
        JsonNode row = rowOf(requestId);
        assertThat(row.get("result").asString()).isEqualTo("REJECTED");
        assertThat(row.get("action").asString()).isEqualTo("DELETE /v2/issuers/{id}/credential-types/{schemaId}");
        assertThat(row.get("resource_id").asString()).isEqualTo("\uFFFDx\uFFFD");
        // the projection went on: a later refusal is there too
        String later = requestId();
        assertThat(send("POST", "/v2/registries", "{}", null, later).status()).isEqualTo(401);
        assertThat(rowOf(later).get("result").asString()).isEqualTo("DENIED");
    }

    @Test
    void refused_reads_that_need_a_key_are_denied_and_other_refused_reads_are_not_audited() {
        long judged = audit.requestsJudged();
        String notFound = requestId();
        assertThat(send("GET", "/v2/issuers/" + UUID.randomUUID(), null, null, notFound).status()).isEqualTo(404);
        String badQuery = requestId();
        assertThat(send("POST", "/v2/authorization", "{\"entity_id\": 1}", null, badQuery).status()).isEqualTo(400);
        String auditLog = requestId();
        assertThat(send("GET", "/v2/audit-log", null, null, auditLog).status()).isEqualTo(401);
        String metrics = requestId();
        assertThat(send("GET", "/actuator/prometheus", null, null, metrics).status()).isEqualTo(401);
        awaitJudged(judged, 4);

        assertThat(rowOf(auditLog).get("action").asString()).isEqualTo("GET /v2/audit-log");
        assertThat(rowOf(auditLog).get("result").asString()).isEqualTo("DENIED");
        assertThat(rowOf(metrics).get("action").asString()).isEqualTo("GET /actuator/prometheus");
        // all four were judged and everything queued is written: had the first two been recorded, they would be there
        eventually(() -> audit.pending() == 0 ? Boolean.TRUE : null);
        assertThat(eventTypesOf(notFound)).isEmpty();
        assertThat(eventTypesOf(badQuery)).isEmpty();
    }

    @Test
    void the_result_filter_takes_the_exact_values_only() {
        String registry = createRegistry();
        eventually(() -> api.get("/v2/audit-log?resourceId=" + registry, ADMIN_KEY).json().get("items").isEmpty()
                ? null : Boolean.TRUE);
        String requestId = requestId();
        assertThat(send("DELETE", "/v2/api-keys/" + UUID.randomUUID(), null, null, requestId).status()).isEqualTo(401);
        rowOf(requestId);
        JsonNode denied = api.get("/v2/audit-log?result=DENIED&size=500", ADMIN_KEY).json().get("items");
        assertThat(denied.valueStream().map(r -> r.get("result").asString()).distinct().toList())
                .containsExactly("DENIED");
        JsonNode success = api.get("/v2/audit-log?result=SUCCESS&size=20", ADMIN_KEY).json().get("items");
        assertThat(success.valueStream().map(r -> r.get("result").asString()).distinct().toList())
                .containsExactly("SUCCESS");
        for (String wrong : List.of("denied", "FAILED", "%20DENIED")) {
            Api.Response refused = api.get("/v2/audit-log?result=" + wrong, ADMIN_KEY);
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("X-Request-ID")).isNotBlank();
        }
    }

    @Test
    void beyond_the_first_refusals_of_a_window_an_address_gets_one_summary() {
        long before = configure(new RefusalAuditSettings(Duration.ofHours(1), 2, 200, 1000, 1000));
        String target = UUID.randomUUID().toString();
        List<String> requestIds = new java.util.ArrayList<>();
        long judged = audit.requestsJudged();
        for (int i = 0; i < 5; i++) {
            String requestId = requestId();
            requestIds.add(requestId);
            assertThat(send("PATCH", "/v2/verifiers/" + target + "/status", "{}", null, requestId).status())
                    .isEqualTo(401);
        }
        awaitJudged(judged, 5);
        audit.closeWindow();

        JsonNode summary = eventually(() -> summariesAfter(before).stream().findFirst().orElse(null));
        assertThat(summary.get("result").asString()).isEqualTo("DENIED");
        assertThat(summary.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(summary.get("count").asLong()).isEqualTo(3);
        assertThat(summary.get("byStatus").get("401").asLong()).isEqualTo(3);
        assertThat(java.time.Instant.parse(summary.get("from").asString()))
                .isBefore(java.time.Instant.parse(summary.get("to").asString()));
        List<String> stored = requestIds.stream().filter(id -> !eventTypesOf(id).isEmpty()).toList();
        assertThat(stored).containsExactlyElementsOf(requestIds.subList(0, 2));
        assertThat(summariesAfter(before)).hasSize(1);
    }

    @Test
    void beyond_the_tracked_sources_refusals_go_to_one_summary_for_other_addresses() {
        long before = configure(new RefusalAuditSettings(Duration.ofHours(1), 1, 200, 1, 1000));
        long judged = audit.requestsJudged();
        String first = requestId();
        assertThat(send("POST", "/v2/schemas", "{}", null, first).status()).isEqualTo(401);
        String unknown = UUID.randomUUID().toString();
        // the admin key is another source (address and key), beyond the one tracked
        String keyed = requestId();
        assertThat(send("PATCH", "/v2/schemas/" + unknown + "/status", Api.json(Map.of("status", "DEPRECATED")),
                ADMIN_KEY, keyed).status()).isEqualTo(404);
        awaitJudged(judged, 2);
        audit.closeWindow();

        JsonNode other = eventually(() -> summariesAfter(before).stream()
                .filter(s -> s.get("clientAddress").asString().equals("other")).findFirst().orElse(null));
        assertThat(other.get("result").asString()).isEqualTo("REJECTED");
        assertThat(other.get("count").asLong()).isEqualTo(1);
        assertThat(other.get("byStatus").get("404").asLong()).isEqualTo(1);
        assertThat(eventTypesOf(first)).containsExactly(ACCESS_REFUSED);
        assertThat(eventTypesOf(keyed)).isEmpty();
    }

    @Test
    void a_refusal_is_answered_while_the_store_cannot_take_its_event_and_what_does_not_fit_is_summarised()
            throws Exception {
        long before = configure(new RefusalAuditSettings(Duration.ofHours(1), 100, 200, 1000, 2));
        List<String> requestIds = new java.util.ArrayList<>();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                // appends wait for this lock; reads do not
                statement.execute("LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE");
            }
            String first = requestId();
            requestIds.add(first);
            assertThat(send("POST", "/v2/trust-frameworks", "{}", null, first).status()).isEqualTo(401);
            eventually(() -> appendWaiting() ? Boolean.TRUE : null);
            long judged = audit.requestsJudged();
            for (int i = 0; i < 5; i++) {
                String requestId = requestId();
                requestIds.add(requestId);
                assertThat(send("POST", "/v2/trust-frameworks", "{}", null, requestId).status()).isEqualTo(401);
            }
            awaitJudged(judged, 5);
            // every answer came while the writer was still stuck: one event in flight, one queued
            assertThat(appendWaiting()).as("the append still waits").isTrue();
            assertThat(audit.pending()).isEqualTo(2);
            blocker.rollback();
        }
        eventually(() -> audit.pending() == 0 ? Boolean.TRUE : null);
        audit.closeWindow();
        JsonNode summary = eventually(() -> summariesAfter(before).stream().findFirst().orElse(null));
        assertThat(summary.get("count").asLong()).isEqualTo(4);
        List<String> stored = requestIds.stream().filter(id -> !eventTypesOf(id).isEmpty()).toList();
        assertThat(stored).containsExactlyElementsOf(requestIds.subList(0, 2));
    }

    private boolean appendWaiting() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query ILIKE 'INSERT INTO domain_event_entry%')").query(Boolean.class).single();
    }

    @Test
    void a_refusal_is_appended_under_the_commit_order_lock_and_readers_of_the_stream_see_it() {
        // 0x54520000: CommitOrder's advisory-lock namespace
        jdbc.sql("CREATE TABLE test_refusal_locks (event_identifier TEXT, locked BOOLEAN)").update();
        jdbc.sql("CREATE FUNCTION test_refusal_lock() RETURNS trigger AS $$ BEGIN "
                + "INSERT INTO test_refusal_locks VALUES (NEW.event_identifier, EXISTS (SELECT 1 FROM pg_locks "
                + "WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND objsubid = 2 AND granted "
                + "AND classid::bigint BETWEEN " + 0x54520000L + " AND " + (0x54520000L + 65535) + ")); "
                + "RETURN NEW; END $$ LANGUAGE plpgsql").update();
        jdbc.sql("CREATE TRIGGER test_refusal_lock AFTER INSERT ON domain_event_entry FOR EACH ROW "
                + "WHEN (NEW.payload_type = '" + ACCESS_REFUSED + "') EXECUTE FUNCTION test_refusal_lock()").update();
        try {
            String requestId = requestId();
            assertThat(send("PUT", "/v2/registries/" + UUID.randomUUID(), "{}", null, requestId).status())
                    .isEqualTo(401);
            JsonNode row = rowOf(requestId);
            String eventId = row.get("id").asString();
            assertThat(jdbc.sql("SELECT locked FROM test_refusal_locks WHERE event_identifier = ?").param(eventId)
                    .query(Boolean.class).single()).as("appended holding the commit-order lock").isTrue();
            long position = row.get("global_index").asLong();
            JsonNode page = api.get("/v2/events?after=" + (position - 1) + "&limit=1", ADMIN_KEY).json();
            JsonNode event = page.get("items").get(0);
            assertThat(event.get("eventId").asString()).isEqualTo(eventId);
            assertThat(event.get("payloadType").asString()).isEqualTo(ACCESS_REFUSED);
            assertThat(event.get("payload").get("result").asString()).isEqualTo("DENIED");
        } finally {
            jdbc.sql("DROP TRIGGER test_refusal_lock ON domain_event_entry").update();
            jdbc.sql("DROP FUNCTION test_refusal_lock()").update();
            jdbc.sql("DROP TABLE test_refusal_locks").update();
        }
    }

    @Test
    void the_refusal_event_is_plain_json_an_auditor_can_read() {
        String requestId = requestId();
        assertThat(send("POST", "/v2/issuers", "{}", null, requestId).status()).isEqualTo(401);
        rowOf(requestId);
        String payload = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ?")
                .param(requestId).query(String.class).single();
        JsonNode json = Api.parse(payload);
        assertThat(json.get("operation").asString()).isEqualTo("POST /v2/issuers");
        assertThat(json.get("refusedAt").asString()).endsWith("Z");
    }
}
