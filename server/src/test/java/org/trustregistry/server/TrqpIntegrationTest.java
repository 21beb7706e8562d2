package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TRQP queries answered from the recorded history: exact answers about the past. */
class TrqpIntegrationTest extends IntegrationTest {

    private String registry;
    private String authority;
    private String type;
    private String schema;

    @BeforeEach
    void ecosystem() {
        registry = createRegistry();
        authority = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        type = unique("DegreeCredential");
        schema = createSchema(registry, type);
    }

    private Api.Response ask(String path, String entity, String action, String resource, Object time) {
        Map<String, Object> body = new HashMap<>(Map.of("entity_id", entity, "authority_id", authority,
                "action", action, "resource", resource));
        if (time != null) {
            body.put("context", Map.of("time", time.toString()));
        }
        return conforming(path, Api.json(body));
    }

    /**
     * Sends a TRQP query and checks both sides against the normative schemas: the request (when it is
     * one the test means to be valid) and every 200 answer.
     */
    private Api.Response conforming(String path, String request) {
        String kind = path.endsWith("authorization") ? "authorization" : "recognition";
        Api.Response response = api.post(path, request, null);
        if (response.status() == 200) {
            assertThat(TrqpSchemas.violations(kind + "_request", Api.parse(request))).as("request " + request)
                    .isEmpty();
            assertThat(TrqpSchemas.violations(kind + "_response", response.json())).as("response " + response)
                    .isEmpty();
        }
        return response;
    }

    private boolean authorized(String entity, String action, Instant time) {
        Api.Response response = ask("/v2/authorization", entity, action, type, time);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("authorized").asBoolean();
    }

    /** The effective times of an entity's transitions, from its recorded status history. */
    private List<Instant> transitions(String kind, String id) {
        JsonNode history = api.get("/v2/" + kind + "/" + id + "/status-history", null).json();
        List<Instant> times = new java.util.ArrayList<>();
        history.forEach(row -> times.add(Instant.parse(row.get("effectiveAt").asString())));
        return times;
    }

    private static Instant between(Instant a, Instant b) {
        return a.plusMillis(java.time.Duration.between(a, b).toMillis() / 2);
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(30);
    }

    @Test
    void an_issuer_is_authorized_exactly_while_it_was_active() throws Exception {
        String did = did("uni");
        String issuer = register("issuers", registry, did, List.of(schema));
        pause();
        changeStatus("issuers", issuer, "ACTIVE", null);
        pause();
        changeStatus("issuers", issuer, "SUSPENDED", "audit");
        pause();
        changeStatus("issuers", issuer, "ACTIVE", "audit passed");
        pause();
        changeStatus("issuers", issuer, "REVOKED", "closed");
        awaitProjections();
        List<Instant> t = transitions("issuers", issuer); // registered, activated, suspended, reinstated, revoked

        assertThat(authorized(did, "issue", t.get(0).minusSeconds(60))).as("before registration").isFalse();
        assertThat(authorized(did, "issue", between(t.get(0), t.get(1)))).as("pending").isFalse();
        assertThat(authorized(did, "issue", t.get(1))).as("from the instant of activation").isTrue();
        assertThat(authorized(did, "issue", between(t.get(1), t.get(2)))).as("active").isTrue();
        assertThat(authorized(did, "issue", between(t.get(2), t.get(3)))).as("suspended").isFalse();
        assertThat(authorized(did, "issue", between(t.get(3), t.get(4)))).as("reinstated").isTrue();
        assertThat(authorized(did, "issue", t.get(4))).as("from the instant of revocation").isFalse();
        assertThat(authorized(did, "issue", null)).as("now").isFalse();
        assertThat(authorized(did, "verify", between(t.get(1), t.get(2)))).as("an issuer does not verify").isFalse();
    }

    @Test
    void a_withdrawn_credential_type_stops_counting_from_that_instant() throws Exception {
        String did = did("v");
        String verifier = register("verifiers", registry, did, List.of(schema));
        changeStatus("verifiers", verifier, "ACTIVE", null);
        pause();
        api.delete("/v2/verifiers/" + verifier + "/credential-types/" + schema + "?reason=lapsed", ADMIN_KEY);
        awaitProjections();
        Instant withdrawn = Instant.parse(api.get("/v2/audit-log?action=VerifierCredentialTypeWithdrawn&resourceId="
                + verifier, ADMIN_KEY).json().get("items").get(0).get("details").get("effectiveAt").asString());
        Instant activated = transitions("verifiers", verifier).get(1);
        assertThat(authorized(did, "verify", between(activated, withdrawn))).isTrue();
        assertThat(authorized(did, "verify", withdrawn)).isFalse();
        assertThat(authorized(did, "verify", null)).isFalse();
    }

    @Test
    void authority_through_a_delegation_chain_counts_while_every_link_held() throws Exception {
        String root = register("issuers", registry, did("root"), List.of(schema));
        changeStatus("issuers", root, "ACTIVE", null);
        String middleDid = did("mid");
        String middle = register("issuers", registry, middleDid, List.of());
        changeStatus("issuers", middle, "ACTIVE", null);
        String leafDid = did("leaf");
        String leaf = register("issuers", registry, leafDid, List.of());
        changeStatus("issuers", leaf, "ACTIVE", null);
        String first = api.post("/v2/issuers/" + root + "/delegations", Api.json(Map.of("delegateIssuerId", middle,
                "credentialTypes", List.of(schema))), ADMIN_KEY).id();
        api.post("/v2/issuers/" + middle + "/delegations", Api.json(Map.of("delegateIssuerId", leaf,
                "credentialTypes", List.of(schema))), ADMIN_KEY);
        pause();
        Instant whileValid = Instant.now();
        pause();
        api.delete("/v2/issuers/" + root + "/delegations/" + first + "?reason=ended", ADMIN_KEY);
        awaitProjections();
        Instant revokedAt = Instant.parse(api.get("/v2/issuers/" + root + "/delegations/" + first, null).json()
                .get("endedAt").asString());

        assertThat(authorized(leafDid, "issue", whileValid)).as("through two links").isTrue();
        assertThat(authorized(middleDid, "issue", whileValid)).isTrue();
        assertThat(authorized(leafDid, "issue", revokedAt)).as("from the instant the first link was revoked").isFalse();
        assertThat(authorized(middleDid, "issue", null)).isFalse();
    }

    @Test
    void the_authority_must_be_active_at_that_time() throws Exception {
        String did = did("r");
        String issuer = register("issuers", registry, did, List.of(schema));
        changeStatus("issuers", issuer, "ACTIVE", null);
        pause();
        Instant before = Instant.now();
        pause();
        changeStatus("registries", registry, "SUSPENDED", "maintenance");
        awaitProjections();
        assertThat(authorized(did, "issue", before)).isTrue();
        assertThat(authorized(did, "issue", null)).isFalse();
        assertThat(ask("/v2/authorization", did, "issue", type, null).json().get("message").asString())
                .contains("not active");
    }

    @Test
    void unknown_entities_get_the_same_answer_as_unauthorized_ones() {
        String registered = did("known");
        register("issuers", registry, registered, List.of(schema)); // pending: not authorized
        awaitProjections();
        JsonNode known = ask("/v2/authorization", registered, "issue", type, null).json();
        String unknown = did("nobody");
        JsonNode nobody = ask("/v2/authorization", unknown, "issue", type, null).json();
        assertThat(known.get("authorized").asBoolean()).isFalse();
        assertThat(nobody.get("authorized").asBoolean()).isFalse();
        assertThat(nobody.get("message").asString().replace(unknown, "X").replaceAll(" at \\S+$", ""))
                .isEqualTo(known.get("message").asString().replace(registered, "X").replaceAll(" at \\S+$", ""));
        assertThat(ask("/v2/authorization", unknown, "delete", type, null).json().get("authorized").asBoolean())
                .isFalse();
    }

    @Test
    void the_schemas_catch_what_does_not_conform() {
        assertThat(TrqpSchemas.violations("authorization_response", Api.parse("{\"entity_id\":\"x\"}"))).isNotEmpty();
        assertThat(TrqpSchemas.violations("authorization_request", Api.parse(
                "{\"entity_id\":\"x\",\"authority_id\":\"a\",\"action\":\"issue\",\"resource\":\"r\","
                        + "\"context\":{\"time\":\"yesterday\"}}"))).as("format date-time is asserted").isNotEmpty();
    }

    @Test
    void the_response_echoes_the_request_and_the_times() {
        Api.Response response = ask("/v2/authorization", did("e"), "issue", type, "2026-01-31T12:00:00Z");
        JsonNode json = response.json();
        assertThat(json.get("time_requested").asString()).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(Instant.parse(json.get("time_evaluated").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(json.get("authority_id").asString()).isEqualTo(authority);
        assertThat(json.get("context").get("time").asString()).isEqualTo("2026-01-31T12:00:00Z");
        Api.Response extra = conforming("/v2/authorization", Api.json(Map.of("entity_id", "did:web:x", "authority_id",
                authority, "action", "issue", "resource", type, "context", Map.of("locator", "x", "foo", "bar"))));
        assertThat(extra.status()).as("unknown context members are ignored").isEqualTo(200);
        assertThat(extra.json().has("time_requested")).isFalse();
    }

    @Test
    void bad_input_is_a_400_problem_and_an_unknown_authority_a_404() {
        for (String time : List.of("2026-01-31T12:00:00+02:00", "2026-01-31 12:00:00Z", "2026-01-31", "yesterday",
                "2026-13-31T12:00:00Z")) {
            Api.Response response = ask("/v2/authorization", did("t"), "issue", type, time);
            assertThat(response.status()).as(time).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.post("/v2/authorization", "{\"entity_id\":\"did:web:x\"}", null).status()).isEqualTo(400);
        assertThat(api.post("/v2/authorization", "{\"entity_id\":5,\"authority_id\":\"a\",\"action\":\"issue\","
                + "\"resource\":\"r\"}", null).status()).isEqualTo(400);
        assertThat(api.post("/v2/authorization", "[1,2]", null).status()).isEqualTo(400);
        assertThat(api.post("/v2/authorization", "{not json", null).status()).isEqualTo(400);
        assertThat(api.post("/v2/recognition", "{\"context\":5}", null).status()).isEqualTo(400);
        Api.Response unknown = api.post("/v2/authorization", Api.json(Map.of("entity_id", "did:web:x",
                "authority_id", did("nowhere"), "action", "issue", "resource", type)), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_federated_registry_is_recognized_for_its_scopes_while_the_connection_is_active() throws Exception {
        String remote = did("remote");
        String connection = api.post("/v2/registries/" + registry + "/federation", Api.json(Map.of(
                "remoteRegistryDid", remote, "remoteRegistryType", "toip", "trustLevel", "high",
                "recognitions", List.of(Map.of("action", "issue", "resource", type)))), ADMIN_KEY).id();
        pause();
        Instant whileActive = Instant.now();
        pause();
        api.patch("/v2/registries/" + registry + "/federation/" + connection + "/status",
                Api.json(Map.of("status", "SUSPENDED", "reason", "review")), ADMIN_KEY);
        awaitProjections();
        assertThat(ask("/v2/recognition", remote, "issue", type, whileActive).json().get("recognized").asBoolean())
                .isTrue();
        assertThat(ask("/v2/recognition", remote, "verify", type, whileActive).json().get("recognized").asBoolean())
                .as("another action").isFalse();
        assertThat(ask("/v2/recognition", remote, "issue", type, null).json().get("recognized").asBoolean())
                .as("suspended now").isFalse();
        assertThat(ask("/v2/recognition", did("stranger"), "issue", type, whileActive).json().get("recognized")
                .asBoolean()).isFalse();
    }

    @Test
    void a_record_as_of_a_past_time_comes_from_history() throws Exception {
        String other = createSchema(registry, unique("OtherCredential"));
        String issuer = register("issuers", registry, did("asof"), List.of(schema));
        changeStatus("issuers", issuer, "ACTIVE", null);
        pause();
        Instant active = Instant.now();
        pause();
        api.post("/v2/issuers/" + issuer + "/credential-types", Api.json(Map.of("schemaId", other)), ADMIN_KEY);
        api.put("/v2/issuers/" + issuer, Api.json(Map.of("name", "Renamed", "validUntil", "2031-01-01T00:00:00Z")),
                ADMIN_KEY);
        changeStatus("issuers", issuer, "SUSPENDED", "audit");
        awaitProjections();

        JsonNode then = api.get("/v2/issuers/" + issuer + "?asOf=" + active, null).json();
        assertThat(then.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(then.get("validUntil").isNull()).isTrue();
        assertThat(then.get("credentialTypes")).hasSize(1);
        assertThat(then.get("credentialTypes").get(0).get("schemaId").asString()).isEqualTo(schema);
        JsonNode now = api.get("/v2/issuers/" + issuer + "?asOf=" + Instant.now(), null).json();
        assertThat(now.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(now.get("validUntil").asString()).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(now.get("credentialTypes")).hasSize(2);
        assertThat(api.get("/v2/issuers/" + issuer + "?asOf=2000-01-01T00:00:00Z", null).status())
                .as("before it existed").isEqualTo(404);
        assertThat(api.get("/v2/issuers/" + issuer + "?asOf=2026-01-01T00:00:00%2B01:00", null).status())
                .isEqualTo(400);
        assertThat(api.get("/v2/verifiers/" + issuer + "?asOf=" + active, null).status())
                .as("an issuer is no verifier").isEqualTo(404);
    }
}
