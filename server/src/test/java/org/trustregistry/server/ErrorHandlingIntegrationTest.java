package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whatever a caller sends, the answer is a 4xx problem+json, never a 500, and nothing changes. */
class ErrorHandlingIntegrationTest extends IntegrationTest {

    private void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("type").asString()).isNotBlank();
        assertThat(response.json().get("instance").asString()).startsWith("/");
    }

    @Test
    void malformed_json_is_400() {
        long before = eventsButRefusals();
        assertProblem(api.post("/v2/registries", "{\"name\": ", ADMIN_KEY), 400);
        assertProblem(api.post("/v2/registries", "not json at all", ADMIN_KEY), 400);
        assertProblem(api.post("/v2/registries", "", ADMIN_KEY), 400);
        assertThat(eventsButRefusals()).isEqualTo(before);
    }

    @Test
    void wrong_types_name_the_field() {
        Api.Response wrong = api.post("/v2/issuers", "{\"did\":\"did:web:x.example\",\"registryId\":42,\"name\":\"X\"}",
                ADMIN_KEY);
        assertProblem(wrong, 400);
        Api.Response badTime = api.post("/v2/issuers", Api.json(Map.of("did", "did:web:x.example",
                "registryId", UUID.randomUUID().toString(), "name", "X", "validUntil", "tomorrow")), ADMIN_KEY);
        assertProblem(badTime, 400);
        assertThat(badTime.json().get("errors").get(0).get("field").asString()).isEqualTo("validUntil");
        Api.Response badEnum = api.patch("/v2/issuers/" + UUID.randomUUID() + "/status",
                "{\"status\":\"HAPPY\"}", ADMIN_KEY);
        assertProblem(badEnum, 400);
        assertThat(badEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void missing_fields_are_listed() {
        Api.Response missing = api.post("/v2/issuers", "{}", ADMIN_KEY);
        assertProblem(missing, 400);
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("did", "registryId", "name");
    }

    @Test
    void unknown_fields_are_refused_rather_than_ignored() {
        Api.Response typo = api.post("/v2/registries", Api.json(Map.of("name", "X", "ecosystemDid", did("t"),
                "governanceAuthorty", "typo")), ADMIN_KEY);
        assertProblem(typo, 400);
    }

    @Test
    void unknown_ids_and_paths_are_404_and_bad_ids_400() {
        assertProblem(api.get("/v2/issuers/" + UUID.randomUUID(), null), 404);
        assertProblem(api.patch("/v2/registries/" + UUID.randomUUID() + "/status",
                "{\"status\":\"SUSPENDED\",\"reason\":\"x\"}", ADMIN_KEY), 404);
        assertProblem(api.get("/v2/issuers/not-a-uuid", null), 400);
        assertProblem(api.get("/v2/nothing-here", ADMIN_KEY), 404);
        // without a key an unknown path is not public: 401 rather than a map of what exists
        assertProblem(api.get("/v2/nothing-here", null), 401);
    }

    @Test
    void oversized_bodies_are_413() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"ecosystemDid\":\"did:web:big.example\"}";
        assertProblem(api.post("/v2/registries", huge, ADMIN_KEY), 413);
        // the same without Content-Length (chunked): cut off while reading
        HttpRequest chunked = api.builder("/v2/registries", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build();
        assertProblem(api.send(chunked), 413);
    }

    @Test
    void wrong_method_and_media_type_are_problems_too() {
        assertProblem(api.send(api.builder("/v2/registries", ADMIN_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")).build()), 415);
        assertProblem(api.send(api.builder("/v2/registries", ADMIN_KEY).DELETE().build()), 405);
    }

    @Test
    void hostile_strings_are_just_data() {
        Api.Response injection = api.get("/v2/registries?q=%27%3B%20DROP%20TABLE%20trust_registries%3B%20--", null);
        assertThat(injection.status()).isEqualTo(200);
        Api.Response badDid = api.post("/v2/registries", Api.json(Map.of("name", "<script>alert(1)</script>",
                "ecosystemDid", "did:web:' OR 1=1 --")), ADMIN_KEY);
        assertProblem(badDid, 400);
        assertThat(jdbc.sql("SELECT count(*) FROM trust_registries").query(Long.class).single()).isNotNegative();
    }
}
