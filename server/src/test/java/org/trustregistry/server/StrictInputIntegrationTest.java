package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, point 1: one rule per kind of value, the same in writes, reads, queries and TRQP. Every
 * refused write is a 400 problem naming the member, and no event carries the refused request's id.
 */
class StrictInputIntegrationTest extends IntegrationTest {

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String[] BAD_TIMES = {"0", "1769860800", "-62135596800000", "\"2026-01-31T12:00:00+01:00\"",
            "\"2026-01-31T12:00:00+00:00\"", "\"+99999-01-01T00:00:00Z\"", "\"10000-01-01T00:00:00Z\"",
            "\"0000-01-01T00:00:00Z\"", "\"2026-01-31T24:00:00Z\"", "\"2026-12-31T23:59:60Z\"", "\"2026-02-30T00:00:00Z\"",
            "\"2026-01-31t12:00:00z\"", "\"2026-01-31 12:00:00Z\"", "\"2026-01-31\"", "\"\"", "\" 2026-01-31T12:00:00Z\"",
            "\"2026-01-31T12:00:00.1234567890Z\"", "true", "{}", "[]"};

    private String registry;

    @BeforeEach
    void aRegistry() {
        registry = createRegistry();
    }

    /** A write with a request id of its own, so that the events it wrote (if any) can be counted. */
    private Api.Response write(String method, String path, String body) {
        String requestId = "strict-" + RUN + "-" + REQUESTS.incrementAndGet();
        return api.send(api.builder(path, ADMIN_KEY).header("Content-Type", "application/json")
                .header("X-Request-ID", requestId).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private long eventsOf(Api.Response response) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry "
                        + "WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ? "
                        + "AND payload_type NOT LIKE 'org.trustregistry.events.access.%'") // refusals are audited
                .param(response.header("X-Request-ID")).query(Long.class).single();
    }

    /** 400, problem+json with the request id, naming {@code field}, and not one event written. */
    private JsonNode refused(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("X-Request-ID")).isNotBlank();
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
        assertThat(response.text()).doesNotContain("org.", "java.", "tools.jackson", "Exception", "$");
        assertThat(eventsOf(response)).as("events written by a refused request").isZero();
        return response.json();
    }

    private String issuer(String extraMembers) {
        return "{\"did\":\"" + did("strict") + "\",\"registryId\":\"" + registry + "\",\"name\":\"Strict\""
                + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}";
    }

    @Test
    void json_types_are_exact_no_value_is_coerced() {
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":12345}"), "name");
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":true}"), "name");
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":[\"x\"]}"), "name");
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"x\",\"jurisdictions\":\"EU\"}"), "jurisdictions");
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"x\",\"jurisdictions\":[1]}"), "jurisdictions[0]");
        refused(write("POST", "/v2/issuers", issuer("\"registryId\":42").replaceFirst(
                "\"registryId\":\"[^\"]+\",", "")), "registryId");
        refused(write("POST", "/v2/issuers", issuer("\"metadata\":\"\"")), "metadata");
        refused(write("POST", "/v2/issuers", issuer("\"metadata\":[]")), "metadata");
        refused(write("POST", "/v2/issuers", issuer("\"credentialTypes\":[\"\"]")), "credentialTypes[0]");
        refused(write("POST", "/v2/issuers", issuer("\"credentialTypes\":[\"AAAAAAAAAAAAAAAAAAAAAA==\"]")),
                "credentialTypes[0]");
        refused(write("POST", "/v2/issuers", issuer("\"trustFrameworkId\":\"0-0-0-0-0\"")), "trustFrameworkId");
        refused(write("POST", "/v2/trust-frameworks", "[]"), "body");
        refused(write("POST", "/v2/trust-frameworks", "\"just a string\""), "body");
        JsonNode problem = refused(write("POST", "/v2/trust-frameworks", "{\"name\":12345}"), "name");
        assertThat(problem.get("detail").asString()).isEqualTo("The member 'name' must be a string");
    }

    @Test
    void enum_values_are_exact_names() {
        String issuer = register("issuers", registry, did("enum"), List.of());
        for (String status : List.of("\"active\"", "\"Active\"", "\" ACTIVE\"", "\"ACTIVE \"", "\"1\"", "1", "\"\"",
                "true")) {
            JsonNode problem = refused(write("PATCH", "/v2/issuers/" + issuer + "/status", "{\"status\":" + status + "}"),
                    "status");
            assertThat(problem.get("detail").asString()).as(status).contains("must be one of [PENDING, ACTIVE");
        }
        assertThat(write("PATCH", "/v2/issuers/" + issuer + "/status", "{\"status\":\"ACTIVE\"}").status())
                .isEqualTo(200);
    }

    @Test
    void unknown_and_duplicate_members_are_named() {
        JsonNode unknown = refused(write("POST", "/v2/registries", "{\"name\":\"X\",\"ecosystemDid\":\"" + did("u")
                + "\",\"governanceAuthorty\":\"typo\"}"), "governanceAuthorty");
        assertThat(unknown.get("detail").asString()).isEqualTo("The member 'governanceAuthorty' is an unknown member");
        refused(write("POST", "/v2/registries/" + registry + "/federation", "{\"remoteRegistryDid\":\"" + did("f")
                + "\",\"remoteRegistryType\":\"toip\",\"recognitions\":[{\"action\":\"issue\",\"resource\":\"R\","
                + "\"scope\":\"x\"}]}"), "recognitions[0].scope");
        JsonNode twice = refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"a\",\"name\":\"b\"}"), "name");
        assertThat(twice.get("detail").asString()).contains("appears twice");
        JsonNode repeated = refused(write("POST", "/v2/issuers", issuer("\"metadata\":{\"k\":1,\"k\":2}")), "metadata");
        assertThat(repeated.get("detail").asString()).isEqualTo("The member 'metadata.k' appears twice in its object");
    }

    @Test
    void times_in_write_bodies_are_rfc_3339_with_z_in_years_0001_to_9999() {
        for (String time : BAD_TIMES) {
            JsonNode problem = refused(write("POST", "/v2/issuers", issuer("\"validFrom\":" + time)), "validFrom");
            assertThat(problem.get("detail").asString()).as(time).contains("RFC 3339");
        }
        String issuer = register("issuers", registry, did("renew"), List.of());
        refused(write("PATCH", "/v2/issuers/" + issuer + "/status", "{\"status\":\"ACTIVE\",\"validUntil\":0}"),
                "validUntil");
        Api.Response federation = write("POST", "/v2/registries/" + registry + "/federation", "{\"remoteRegistryDid\":\""
                + did("f") + "\",\"remoteRegistryType\":\"toip\",\"recognitions\":[{\"action\":\"issue\","
                + "\"resource\":\"R\"}],\"validUntil\":\"2030-01-01T00:00:00-05:00\"}");
        refused(federation, "validUntil");
    }

    @Test
    void a_time_keeps_at_most_microseconds_once_it_is_recorded() {
        Api.Response created = write("POST", "/v2/issuers", issuer(
                "\"validFrom\":\"2026-01-31T12:00:00.123456789Z\",\"validUntil\":\"9999-12-31T23:59:59Z\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("validFrom").asString()).isEqualTo("2026-01-31T12:00:00.123456Z");
        assertThat(created.json().get("validUntil").asString()).isEqualTo("9999-12-31T23:59:59Z");
    }

    @Test
    void nul_controls_and_unpaired_surrogates_are_refused_wherever_text_goes_and_write_nothing() {
        String issuer = register("issuers", registry, did("text"), List.of());
        for (String bad : List.of("\\u0000", "\\u0001", "\\u001f", "\\ud800", "\\udc00x", "\\ud800\\ud800")) {
            refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"x" + bad + "\"}"), "name");
            refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"x\",\"description\":\"x" + bad + "\"}"),
                    "description");
            refused(write("PATCH", "/v2/issuers/" + issuer + "/status",
                    "{\"status\":\"SUSPENDED\",\"reason\":\"r" + bad + "\"}"), "reason");
            refused(write("PUT", "/v2/issuers/" + issuer, "{\"name\":\"n\",\"metadata\":{\"note\":\"" + bad + "\"}}"),
                    "metadata");
            JsonNode deep = refused(write("PUT", "/v2/issuers/" + issuer, "{\"name\":\"n\",\"metadata\":{\"deep\":[{\"x\":\""
                    + bad + "\"}]}}"), "metadata");
            assertThat(deep.get("detail").asString()).as("the exact place").startsWith("The member 'metadata.deep[0].x' ");
            refused(write("PUT", "/v2/dids/" + did("svc"), "{\"serviceType\":\"Linked" + bad
                    + "\",\"endpoint\":\"https://x.example\"}"), "serviceType");
            refused(write("POST", "/v2/schemas", "{\"registryId\":\"" + registry + "\",\"name\":\"S\",\"type\":\"T\","
                    + "\"jsonSchema\":{\"type\":\"object\",\"description\":\"" + bad + "\"}}"), "jsonSchema");
        }
        JsonNode name = refused(write("PUT", "/v2/issuers/" + issuer, "{\"name\":\"n\",\"metadata\":{\"k\\u0000\":1}}"),
                "metadata");
        assertThat(name.get("detail").asString()).isEqualTo("The member 'metadata.kU+0000' has a name that contains "
                + "NUL (U+0000), which is not allowed");
        // the body is read as UTF-8 and nothing else: an ISO-8859-1 byte is refused, not guessed at
        byte[] latin1 = "{\"name\":\"Gen\u00e8ve\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Api.Response notUtf8 = api.send(api.builder("/v2/trust-frameworks", ADMIN_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build());
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.json().get("detail").asString()).isEqualTo("The request body is not valid UTF-8");
        // an encoded surrogate (CESU-8) is not UTF-8 either
        byte[] cesu = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'};
        assertThat(api.send(api.builder("/v2/trust-frameworks", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(cesu)).build()).status()).isEqualTo(400);
    }

    @Test
    void free_text_keeps_tabs_and_line_breaks_single_line_text_refuses_them() {
        Api.Response created = write("POST", "/v2/trust-frameworks",
                "{\"name\":\"Framework\",\"description\":\"line one\\nline two\\r\\n\\tindented\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("/v2/trust-frameworks/" + created.id(), null).json().get("description").asString())
                .isEqualTo("line one\nline two\r\n\tindented");
        for (String control : List.of("\\n", "\\r", "\\t")) {
            refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"two" + control + "lines\"}"), "name");
            refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"x\",\"jurisdictions\":[\"E" + control + "U\"]}"),
                    "jurisdictions[0]");
            refused(write("POST", "/v2/issuers", issuer("\"endpoint\":\"https://x.example/" + control + "\"")),
                    "endpoint");
        }
        String issuer = register("issuers", registry, did("free"), List.of());
        Api.Response reason = write("PATCH", "/v2/issuers/" + issuer + "/status",
                "{\"status\":\"REVOKED\",\"reason\":\"first line\\nsecond line\"}");
        assertThat(reason.status()).as(reason.toString()).isEqualTo(200);
        Api.Response metadata = write("POST", "/v2/issuers", issuer("\"metadata\":{\"note\":\"a\\nb\\tc\"}"));
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(201);
        assertThat(metadata.json().at("/metadata/note").asString()).isEqualTo("a\nb\tc");
    }

    @Test
    void a_number_in_free_form_json_never_becomes_infinity_it_is_refused_or_kept_exactly() {
        for (String number : List.of("1e999", "-1e999", "1.7976931348623159e308")) {
            Api.Response response = write("POST", "/v2/issuers", issuer("\"metadata\":{\"n\":" + number + "}"));
            if (response.status() == 400) { // where decimals are bound as doubles
                refused(response, "metadata");
                continue;
            }
            assertThat(response.status()).as(number + " → " + response).isEqualTo(201);
            awaitProjections();
            String stored = api.get("/v2/issuers/" + response.id(), null).text();
            assertThat(new java.math.BigDecimal(stored.replaceAll("(?s).*\"n\":([^,}]+).*", "$1")))
                    .as(number + " read back").isEqualByComparingTo(new java.math.BigDecimal(number));
        }
        assertThat(write("POST", "/v2/issuers", issuer("\"metadata\":{\"n\":1e300,\"i\":123456789012345678901234567890}"))
                .status()).isEqualTo(201);
    }

    @Test
    void nesting_is_bounded_in_every_body() {
        String tooDeep = "[".repeat(120) + "]".repeat(120);
        JsonNode problem = refused(write("POST", "/v2/issuers", issuer("\"metadata\":{\"d\":" + tooDeep + "}")),
                "metadata");
        assertThat(problem.get("detail").asString()).contains("nests deeper than");
        Api.Response trqp = api.post("/v2/authorization", "{\"context\":{\"x\":" + tooDeep + "}}", null);
        assertThat(trqp.status()).isEqualTo(400);
        assertThat(trqp.json().get("detail").asString()).contains("nests deeper than");
        assertThat(write("POST", "/v2/issuers", issuer("\"metadata\":{\"d\":" + "[".repeat(20) + "]".repeat(20) + "}"))
                .status()).isEqualTo(201);
    }

    @Test
    void a_body_is_one_json_value() {
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"x\"} {\"name\":\"y\"}"), "body");
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":\"x\"} garbage"), "body");
        JsonNode broken = refused(write("POST", "/v2/trust-frameworks", "{\"name\":"), "body");
        assertThat(broken.get("detail").asString()).startsWith("The request body is not valid JSON");
        refused(write("POST", "/v2/trust-frameworks", "{\"name\":NaN}"), "body");
        refused(write("POST", "/v2/trust-frameworks", "{'name':'x'}"), "body");
    }

    @Test
    void dids_are_w3c_syntax_of_at_most_255_characters_wherever_they_appear() {
        String longest = "did:web:" + "a".repeat(255 - "did:web:".length());
        String tooLong = longest + "a";
        assertThat(write("POST", "/v2/issuers", "{\"did\":\"" + longest + "\",\"registryId\":\"" + registry
                + "\",\"name\":\"Long\"}").status()).isEqualTo(201);
        refused(write("POST", "/v2/issuers", "{\"did\":\"" + tooLong + "\",\"registryId\":\"" + registry
                + "\",\"name\":\"Long\"}"), "did");
        refused(write("POST", "/v2/registries", "{\"name\":\"R\",\"ecosystemDid\":\"" + tooLong + "\"}"), "ecosystemDid");
        refused(write("POST", "/v2/registries/" + registry + "/federation", "{\"remoteRegistryDid\":\"" + tooLong
                + "\",\"remoteRegistryType\":\"toip\",\"recognitions\":[{\"action\":\"issue\",\"resource\":\"R\"}]}"),
                "remoteRegistryDid");
        refused(write("PUT", "/v2/dids/" + tooLong, "{\"serviceType\":\"S\",\"endpoint\":\"https://x.example\"}"), "did");
        for (String query : List.of("/v2/issuers?did=", "/v2/verifiers?did=", "/v2/public/issuers?did=",
                "/v2/registries?ecosystemDid=", "/v2/metadata?authority_id=",
                "/v2/registries/" + registry + "/federation?remoteRegistryDid=")) {
            Api.Response response = api.get(query + tooLong, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(api.get(query + "not-a-did", null).status()).as(query).isEqualTo(400);
        }
        for (String path : List.of("/v2/dids/", "/v2/public/lookup/issuer/", "/v2/entities/", "/v2/ecosystems/")) {
            assertThat(api.get(path + tooLong, null).status()).as(path).isEqualTo(400);
        }
        String authority = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        Api.Response trqp = api.post("/v2/authorization", Api.json(Map.of("entity_id", tooLong, "authority_id",
                authority, "action", "issue", "resource", "R")), null);
        assertThat(trqp.status()).isEqualTo(400);
        assertThat(trqp.json().get("errors").get(0).get("field").asString()).isEqualTo("entity_id");
        assertThat(api.post("/v2/query", Api.json(Map.of("did", tooLong)), null).status()).isEqualTo(400);
        // a well-formed DID nobody registered is still just unknown
        assertThat(api.post("/v2/authorization", Api.json(Map.of("entity_id", did("nobody"), "authority_id",
                authority, "action", "issue", "resource", "R")), null).json().get("authorized").asBoolean()).isFalse();
    }

    @Test
    void time_query_parameters_follow_the_same_rule_as_bodies() {
        String issuer = register("issuers", registry, did("asof"), List.of());
        String authority = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        List<String> badTimes = new ArrayList<>();
        for (String time : BAD_TIMES) {
            if (time.startsWith("\"")) {
                badTimes.add(time.substring(1, time.length() - 1));
            } else if (!time.startsWith("{") && !time.startsWith("[")) {
                badTimes.add(time);
            }
        }
        for (String time : badTimes) {
            String encoded = java.net.URLEncoder.encode(time, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(api.get("/v2/issuers/" + issuer + "?asOf=" + encoded, null).status()).as(time).isEqualTo(400);
            assertThat(api.get("/v2/audit-log?from=" + encoded, ADMIN_KEY).status()).as(time).isEqualTo(400);
            assertThat(api.get("/v2/audit-log?to=" + encoded, ADMIN_KEY).status()).as(time).isEqualTo(400);
            assertThat(api.get("/v2/entities?time=" + encoded, null).status()).as(time).isEqualTo(400);
            Api.Response trqp = api.post("/v2/authorization", Api.json(Map.of("entity_id", did("e"), "authority_id",
                    authority, "action", "issue", "resource", "R", "context", Map.of("time", time))), null);
            assertThat(trqp.status()).as(time).isEqualTo(400);
            assertThat(api.post("/v2/query", Api.json(Map.of("validAt", time)), null).status()).as(time).isEqualTo(400);
        }
        assertThat(api.get("/v2/audit-log?from=2026-01-31T12:00:00Z&to=9999-12-31T23:59:59.999999999Z", ADMIN_KEY)
                .status()).isEqualTo(200);
    }

    @Test
    void list_filters_take_enum_values_and_uuids_exactly() {
        assertThat(api.get("/v2/issuers?status=ACTIVE", null).status()).isEqualTo(200);
        for (String filter : List.of("/v2/issuers?status=active", "/v2/verifiers?status=Active",
                "/v2/registries?status=active", "/v2/trust-frameworks?status=retired", "/v2/schemas?status=active",
                "/v2/issuers?status=%20ACTIVE", "/v2/issuers?registryId=0-0-0-0-0",
                "/v2/schemas?registryId=" + registry.toUpperCase().replace("-", ""))) {
            Api.Response response = api.get(filter, null);
            assertThat(response.status()).as(filter).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void trqp_context_members_must_be_strings_and_other_members_are_refused() {
        String authority = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        String query = "{\"entity_id\":\"" + did("e") + "\",\"authority_id\":\"" + authority
                + "\",\"action\":\"issue\",\"resource\":\"R\"";
        for (String context : List.of("{\"n\":5}", "{\"flag\":true}", "{\"nested\":{}}", "{\"list\":[\"a\"]}",
                "{\"time\":null}", "{\"locator\":1}")) {
            Api.Response response = api.post("/v2/authorization", query + ",\"context\":" + context + "}", null);
            assertThat(response.status()).as(context).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).startsWith("context.");
        }
        Api.Response misspelt = api.post("/v2/authorization", query + ",\"Context\":{}}", null);
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().get("errors").get(0).get("field").asString()).isEqualTo("Context");
        Api.Response echoed = api.post("/v2/recognition", query + ",\"context\":{\"locator\":\"x\",\"foo\":\"bar\"}}",
                null);
        assertThat(echoed.status()).as(echoed.toString()).isEqualTo(200);
        assertThat(echoed.json().get("context").get("foo").asString()).isEqualTo("bar");
        assertThat(TrqpSchemas.violations("recognition_response", echoed.json())).isEmpty();
    }

    @Test
    void a_misspelt_trust_query_member_is_refused_rather_than_ignored() {
        String issuer = register("issuers", registry, did("active"), List.of());
        changeStatus("issuers", issuer, "ACTIVE", null);
        awaitProjections();
        Api.Response misspelt = api.post("/v2/query", "{\"entityType\":\"issuer\",\"DID\":\"did:web:evil.example\"}",
                null);
        assertThat(misspelt.status()).as("not trusted:true for every active issuer").isEqualTo(400);
        assertThat(misspelt.json().get("errors").get(0).get("field").asString()).isEqualTo("DID");
        assertThat(api.post("/v2/query", "{\"entityType\":\"ISSUER\"}", null).status()).isEqualTo(400);
        JsonNode batch = api.post("/v2/query/batch", "{\"queries\":[{\"DID\":\"x\"},{\"entityType\":\"issuer\"}]}",
                null).json().get("results");
        assertThat(batch.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(batch.get(0).get("field").asString()).isEqualTo("DID");
        assertThat(batch.get(1).get("status").asInt()).isEqualTo(200);
        assertThat(api.post("/v2/query/batch", "{\"queries\":[{}],\"extra\":1}", null).status()).isEqualTo(400);
    }
}
