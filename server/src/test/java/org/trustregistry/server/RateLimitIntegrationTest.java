package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.trustregistry.server.ratelimit.RateLimitSettings;
import org.trustregistry.server.ratelimit.RateLimits;
import org.trustregistry.server.refusals.RefusalAudit;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;
import org.trustregistry.server.web.ClientAddresses;
import tools.jackson.databind.JsonNode;

/**
 * Rate limits per client address (no key), per key, and for refused keys; 429 problems with Retry-After and
 * the RateLimit fields; X-Forwarded-For believed only from trusted proxies. The buckets here refill one token
 * an hour, so that nothing depends on the clock.
 */
class RateLimitIntegrationTest extends IntegrationTest {

    private static final RateLimitSettings.Limit ROOMY = new RateLimitSettings.Limit(1_000_000, 1_000_000,
            Duration.ofSeconds(1));

    @Autowired
    private RateLimits limits;
    @Autowired
    private ClientAddresses clientAddresses;
    @Autowired
    private ApiKeys keys;
    @Autowired
    private RefusalAudit audit;
    @Value("${local.server.port}")
    private int port;

    @AfterEach
    void restore() {
        limits.reset();
        clientAddresses.reset();
    }

    private static RateLimitSettings.Limit hourly(long burst) {
        return new RateLimitSettings.Limit(burst, 1, Duration.ofHours(1));
    }

    private Api.Response get(String path, String key, String... headers) {
        HttpRequest.Builder request = api.builder(path, key);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request.GET().build());
    }

    private static void assertLimited(Api.Response response, String policy) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(response.header("X-Request-ID")).isNotBlank();
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        assertThat(response.header("RateLimit-Policy")).startsWith("\"" + policy + "\";q=");
        assertThat(response.header("RateLimit")).startsWith("\"" + policy + "\";r=0;t=");
    }

    @Test
    void calls_without_a_key_are_limited_per_address_and_say_what_is_left() {
        limits.configure(new RateLimitSettings(hourly(3), ROOMY, ROOMY, 1000));
        List<String> remaining = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response answer = get("/v2/issuers", null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"per-address\";q=3;w=10800");
            remaining.add(answer.header("RateLimit"));
        }
        assertThat(remaining).containsExactly("\"per-address\";r=2;t=3600", "\"per-address\";r=1;t=7200",
                "\"per-address\";r=0;t=10800");
        assertLimited(get("/v2/issuers", null), "per-address");
        Api.Response trqp = api.post("/v2/authorization", "{}", null);
        assertLimited(trqp, "per-address");
        assertThat(Long.parseLong(trqp.header("Retry-After"))).as("at most the hour one token takes")
                .isBetween(1L, 3600L);
        // a key has its own budget, and health probes are never limited
        assertThat(get("/v2/issuers", ADMIN_KEY).status()).isEqualTo(200);
        Api.Response health = get("/actuator/health/liveness", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("RateLimit")).isNull();
    }

    @Test
    void a_forged_x_forwarded_for_does_not_choose_the_address() {
        limits.configure(new RateLimitSettings(hourly(2), ROOMY, ROOMY, 1000));
        assertThat(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.1").status()).isEqualTo(200);
        assertThat(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.2").status()).isEqualTo(200);
        assertLimited(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.3"), "per-address");
        assertLimited(get("/v2/registries", null, "X-Forwarded-For", "198.51.100.1, 127.0.0.1"), "per-address");
    }

    @Test
    void behind_a_trusted_proxy_the_forwarded_address_is_the_client() {
        limits.configure(new RateLimitSettings(hourly(1), ROOMY, ROOMY, 1000));
        clientAddresses.trustProxies(List.of("127.0.0.0/8", "::1"));
        assertThat(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.10").status()).isEqualTo(200);
        assertLimited(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.10"), "per-address");
        // the entry a client wrote itself, left of the proxy's, is not believed; the proxy's is
        assertThat(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.10, 203.0.113.11").status())
                .isEqualTo(200);
        // trusted hops are skipped, from the right
        assertThat(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.12, 127.0.0.5").status())
                .isEqualTo(200);
        assertLimited(get("/v2/registries", null, "X-Forwarded-For", "203.0.113.12"), "per-address");
        // garbage stops the walk at the proxy, which is the client then: its own budget, once
        assertThat(get("/v2/registries", null, "X-Forwarded-For", "not-an-address").status()).isEqualTo(200);
        for (String garbage : List.of("not-an-address", "203.0.113.13:443", "2130706433", "127.1",
                "203.0.113.14, evil.example", "fe80::1%eth0", "[::1]")) {
            assertLimited(get("/v2/registries", null, "X-Forwarded-For", garbage), "per-address");
        }
        // a NUL in the header is refused by the server before any of this, as a problem
        RawHttp.Answer nul = RawHttp.request(port, "GET", "/v2/registries",
                List.of("X-Forwarded-For: 203.0.113.15\0"), null);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).startsWith("application/problem+json");
        assertThat(nul.header("X-Request-ID")).isNotBlank();
    }

    @Test
    void the_audit_of_a_refusal_names_the_forwarded_client_of_a_trusted_proxy() {
        clientAddresses.trustProxies(List.of("127.0.0.1", "::1"));
        audit.closeWindow();
        String requestId = "forwarded-" + UUID.randomUUID();
        Api.Response refused = api.send(api.builder("/v2/registries", null).header("X-Request-ID", requestId)
                .header("X-Forwarded-For", "198.51.100.77").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(refused.status()).isEqualTo(401);
        JsonNode details = eventually(() -> jdbc.sql("SELECT details::text FROM audit_logs WHERE request_id = ?")
                .param(requestId).query(String.class).optional().map(Api::parse).orElse(null));
        assertThat(details.get("clientAddress").asString()).isEqualTo("198.51.100.77");
    }

    @Test
    void calls_with_a_key_are_limited_per_key() {
        limits.configure(new RateLimitSettings(ROOMY, hourly(2), ROOMY, 1000));
        String key = ApiKeys.newKey();
        keys.store("limited auditor", key, Role.AUDITOR, null, "test");
        String other = ApiKeys.newKey();
        keys.store("other auditor", other, Role.AUDITOR, null, "test");
        assertThat(get("/v2/audit-log?size=1", key).status()).isEqualTo(200);
        Api.Response second = get("/v2/audit-log?size=1", key);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("RateLimit")).isEqualTo("\"per-key\";r=0;t=7200");
        assertLimited(get("/v2/audit-log?size=1", key), "per-key");
        assertLimited(api.send(api.builder("/v2/events?limit=1", null).header("Authorization", "Bearer " + key)
                .GET().build()), "per-key");
        assertThat(get("/v2/audit-log?size=1", other).status()).isEqualTo(200);
        assertThat(get("/v2/issuers", null).status()).as("no key: the address's budget").isEqualTo(200);
    }

    @Test
    void refused_keys_are_limited_per_address_before_any_look_up() {
        limits.configure(new RateLimitSettings(ROOMY, ROOMY, hourly(2), 1000));
        assertThat(get("/v2/issuers", "trk_guess-1").status()).isEqualTo(401);
        assertThat(get("/v2/issuers", "trk_guess-2").status()).isEqualTo(401);
        assertLimited(get("/v2/issuers", "trk_guess-3"), "failed-keys");
        // until it refills, this address's calls with any key are refused; without a key they go on
        assertLimited(get("/v2/issuers", ADMIN_KEY), "failed-keys");
        assertThat(get("/v2/issuers", null).status()).isEqualTo(200);
    }

    @Test
    void a_write_over_the_limit_is_refused_and_audited_as_rejected() {
        limits.configure(new RateLimitSettings(hourly(1), ROOMY, ROOMY, 1000));
        audit.closeWindow();
        assertThat(get("/v2/issuers", null).status()).isEqualTo(200);
        String requestId = "limited-" + UUID.randomUUID();
        Api.Response limited = api.send(api.builder("/v2/registries", null).header("X-Request-ID", requestId)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertLimited(limited, "per-address");
        JsonNode row = eventually(() -> jdbc.sql("SELECT row_to_json(a)::text FROM audit_logs a WHERE request_id = ?")
                .param(requestId).query(String.class).optional().map(Api::parse).orElse(null));
        assertThat(row.get("result").asString()).isEqualTo("REJECTED");
        assertThat(row.get("details").get("status").asInt()).isEqualTo(429);
    }
}
