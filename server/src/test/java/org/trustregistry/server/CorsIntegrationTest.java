package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.trustregistry.server.cors.CorsSettings;

/**
 * CORS: public reads and TRQP from any origin, writes from configured origins only (none by default);
 * preflights answered before the API key is asked for; refusals are problems.
 */
class CorsIntegrationTest extends IntegrationTest {

    private static final String WALLET = "https://wallet.example";
    private static final String ADMIN_UI = "https://admin.example";

    @Autowired
    private CorsSettings cors;
    @Value("${local.server.port}")
    private int port;

    @AfterEach
    void restore() {
        cors.reset();
    }

    private Api.Response preflight(String path, String origin, String method, String headers) {
        HttpRequest.Builder request = api.builder(path, null).header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return api.send(request.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/cors-refused");
        assertThat(response.header("X-Request-ID")).isNotBlank();
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void a_trqp_preflight_is_answered_for_any_origin_without_a_key() {
        Api.Response answer = preflight("/v2/authorization", WALLET, "POST", "content-type,x-request-id");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("content-type", "x-request-id");
        assertThat(answer.header("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(answer.header("WWW-Authenticate")).isNull();
        assertThat(answer.header("X-Request-ID")).isNotBlank();
    }

    @Test
    void every_public_read_and_query_answers_preflights_from_any_origin() {
        for (String[] call : List.of(new String[] {"/v2/recognition", "POST"}, new String[] {"/v2/query", "POST"},
                new String[] {"/v2/query/batch", "POST"}, new String[] {"/v2/metadata", "GET"},
                new String[] {"/v2/entities/did:web:x.example", "GET"}, new String[] {"/v2/lookups/didMethods", "GET"},
                new String[] {"/v2/public/registries", "GET"}, new String[] {"/v2/issuers", "GET"},
                new String[] {"/v2/registries/" + UUID.randomUUID(), "GET"})) {
            Api.Response answer = preflight(call[0], "https://any-" + UUID.randomUUID() + ".example", call[1],
                    "content-type");
            assertThat(answer.status()).as(call[0] + " " + answer).isEqualTo(204);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(call[0]).isEqualTo("*");
        }
    }

    @Test
    void a_cross_origin_trqp_answer_exposes_the_headers_a_client_reads() {
        Api.Response answer = api.send(api.builder("/v2/authorization", null).header("Origin", WALLET)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of(
                        "entity_id", did("nobody"), "authority_id", did("nowhere"), "action", "issue",
                        "resource", "X")))).build());
        assertThat(answer.status()).as(answer.toString()).isIn(200, 404);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.header("Access-Control-Expose-Headers")).contains("X-Request-ID", "Retry-After",
                "RateLimit", "RateLimit-Policy", "X-Event-Store-Position", "X-Stale-Projections", "Location",
                "Idempotent-Replayed");
    }

    @Test
    void writes_allow_no_origin_by_default_and_the_refusal_is_a_problem() {
        assertRefused(preflight("/v2/issuers", WALLET, "POST", "content-type,x-api-key"));
        assertRefused(preflight("/v2/issuers/" + UUID.randomUUID() + "/status", WALLET, "PATCH", null));
        // reads that need a key are not public either
        assertRefused(preflight("/v2/audit-log", WALLET, "GET", "x-api-key"));
        long before = eventsButRefusals();
        Api.Response write = api.send(api.builder("/v2/registries", ADMIN_KEY).header("Origin", WALLET)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of(
                        "name", "From a browser", "ecosystemDid", did("cors"))))).build());
        assertRefused(write);
        assertThat(eventsButRefusals()).as("nothing written").isEqualTo(before);
    }

    @Test
    void configured_origins_may_write_with_every_header_a_write_needs() {
        cors.allow(List.of("*"), List.of(ADMIN_UI, "https://*.ops.example"));
        Api.Response answer = preflight("/v2/issuers/" + UUID.randomUUID() + "/status", ADMIN_UI, "PATCH",
                "content-type,x-api-key,authorization,idempotency-key,x-request-id");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ADMIN_UI);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase()).contains("x-api-key",
                "idempotency-key", "authorization");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight("/v2/registries", "https://console.ops.example", "POST", null).header(
                "Access-Control-Allow-Origin")).isEqualTo("https://console.ops.example");
        assertRefused(preflight("/v2/registries", WALLET, "POST", null));
        assertRefused(preflight("/v2/registries", ADMIN_UI, "POST", "x-secret-header"));

        Api.Response created = api.send(api.builder("/v2/registries", ADMIN_KEY).header("Origin", ADMIN_UI)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of(
                        "name", "From the admin UI", "ecosystemDid", did("cors"))))).build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(ADMIN_UI);
        // a refusal from an allowed origin can be read by the page: it carries the CORS headers too
        Api.Response unauthorized = api.send(api.builder("/v2/registries", null).header("Origin", ADMIN_UI)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin")).isEqualTo(ADMIN_UI);
    }

    @Test
    void public_origins_can_be_narrowed() {
        cors.allow(List.of(WALLET), List.of());
        assertThat(preflight("/v2/authorization", WALLET, "POST", null).header("Access-Control-Allow-Origin"))
                .isEqualTo(WALLET);
        assertRefused(preflight("/v2/authorization", "https://other.example", "POST", null));
    }

    @Test
    void a_garbage_origin_is_never_echoed_and_never_a_500() {
        for (String origin : List.of("null", "not a url", "https://", "javascript:alert(1)", "http://[::1",
                "https://a.example/" + "x".repeat(2000))) {
            Api.Response open = preflight("/v2/authorization", origin, "POST", null);
            assertThat(open.status()).as(origin).isEqualTo(204);
            assertThat(open.header("Access-Control-Allow-Origin")).as(origin).isEqualTo("*");
            assertRefused(preflight("/v2/registries", origin, "POST", null));
        }
        // an announced method that is no method at all
        assertRefused(preflight("/v2/registries", WALLET, "P O S T", null));
        // a NUL in the Origin: refused before any filter, still a problem with a request id
        RawHttp.Answer nul = RawHttp.request(port, "OPTIONS", "/v2/authorization",
                List.of("Origin: https://a.example\0x", "Access-Control-Request-Method: POST"), null);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).startsWith("application/problem+json");
        assertThat(nul.header("X-Request-ID")).isNotBlank();
        assertThat(nul.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void a_same_origin_request_gets_no_cors_headers() {
        Api.Response answer = api.send(api.builder("/v2/issuers", null).header("Origin", "http://localhost:" + port)
                .GET().build());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }
}
