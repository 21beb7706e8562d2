package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Delegation chains through the HTTP API: every rule, and the lapse of everything below lost authority. */
class DelegationIntegrationTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.trustregistry.command.accreditation.ExpiryScheduler expiry;

    private String registry;
    private String degree;
    private String diploma;
    private String transcript;

    @BeforeEach
    void registryWithSchemas() {
        registry = createRegistry();
        degree = createSchema(registry, unique("DegreeCredential"));
        diploma = createSchema(registry, unique("DiplomaCredential"));
        transcript = createSchema(registry, unique("TranscriptCredential"));
    }

    private String activeIssuer(List<String> schemas, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("did", did("iss"), "registryId", registry,
                "name", unique("Issuer "), "credentialTypes", schemas));
        body.putAll(extra);
        Api.Response created = api.post("/v2/issuers", Api.json(body), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(changeStatus("issuers", created.id(), "ACTIVE", null).status()).isEqualTo(200);
        return created.id();
    }

    private Api.Response delegate(String from, String to, List<String> schemas, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("delegateIssuerId", to, "credentialTypes", schemas));
        body.putAll(extra);
        return api.post("/v2/issuers/" + from + "/delegations", Api.json(body), ADMIN_KEY);
    }

    private String delegated(String from, String to, List<String> schemas) {
        Api.Response response = delegate(from, to, schemas, Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private String statusOf(String issuer, String delegation) {
        return api.get("/v2/issuers/" + issuer + "/delegations/" + delegation, null).json().get("status").asString();
    }

    @Test
    void a_chain_of_two_delegations_is_granted_listed_and_walked_to_its_root() {
        String root = activeIssuer(List.of(degree, diploma), Map.of());
        String middle = activeIssuer(List.of(), Map.of());
        String leaf = activeIssuer(List.of(), Map.of());
        Api.Response first = delegate(root, middle, List.of(degree, diploma),
                Map.of("proof", Map.of("type", "Ed25519Signature2020", "proofValue", "z3abc")));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).endsWith("/v2/issuers/" + root + "/delegations/" + first.id());
        assertThat(first.json().get("depth").asInt()).isEqualTo(1);
        Api.Response second = delegate(middle, leaf, List.of(degree), Map.of());
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("depth").asInt()).isEqualTo(2);

        JsonNode middles = api.get("/v2/issuers/" + middle + "/delegations", null).json();
        assertThat(middles.get("received")).hasSize(1);
        assertThat(middles.get("given")).hasSize(1);
        assertThat(middles.get("received").get(0).get("proof").get("type").asString())
                .isEqualTo("Ed25519Signature2020");

        JsonNode chain = api.get("/v2/issuers/" + leaf + "/delegation-chain", null).json();
        assertThat(chain.get("delegated").asBoolean()).isTrue();
        JsonNode path = chain.get("chains").get(0);
        assertThat(path).hasSize(2);
        assertThat(path.get(0).get("delegatorIssuerId").asString()).isEqualTo(middle);
        assertThat(path.get(1).get("delegatorIssuerId").asString()).isEqualTo(root);
        assertThat(api.get("/v2/issuers/" + root + "/delegation-chain", null).json().get("chains")).isEmpty();
    }

    @Test
    void the_delegator_must_hold_every_delegated_type() {
        String root = activeIssuer(List.of(degree), Map.of());
        String other = activeIssuer(List.of(), Map.of());
        assertThat(delegate(root, other, List.of(degree, transcript), Map.of()).status()).isEqualTo(409);
        String middle = activeIssuer(List.of(), Map.of());
        delegated(root, middle, List.of(degree));
        // the middle issuer holds only what it received: it cannot pass on more
        assertThat(delegate(middle, other, List.of(diploma), Map.of()).status()).isEqualTo(409);
    }

    @Test
    void a_deprecated_schema_is_not_delegated_but_existing_delegations_stay() {
        String root = activeIssuer(List.of(degree, diploma), Map.of());
        String other = activeIssuer(List.of(), Map.of());
        String existing = delegated(root, other, List.of(diploma));
        api.patch("/v2/schemas/" + diploma + "/status", Api.json(Map.of("status", "DEPRECATED", "reason", "v2")),
                ADMIN_KEY);
        assertThat(delegate(root, activeIssuer(List.of(), Map.of()), List.of(diploma), Map.of()).status())
                .isEqualTo(409);
        assertThat(statusOf(root, existing)).isEqualTo("ACTIVE");
    }

    @Test
    void a_delegate_never_gets_more_than_its_delegator() {
        String root = activeIssuer(List.of(degree), Map.of("validUntil", "2030-01-01T00:00:00Z",
                "jurisdictions", List.of("EU")));
        String other = activeIssuer(List.of(), Map.of());
        assertThat(delegate(root, other, List.of(degree), Map.of("validUntil", "2031-01-01T00:00:00Z")).status())
                .isEqualTo(409);
        assertThat(delegate(root, other, List.of(degree), Map.of("jurisdictions", List.of("EU", "US"))).status())
                .isEqualTo(409);
        Api.Response inherited = delegate(root, other, List.of(degree), Map.of());
        assertThat(inherited.status()).isEqualTo(201);
        assertThat(inherited.json().get("validUntil").asString()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(inherited.json().get("jurisdictions").get(0).asString()).isEqualTo("EU");
    }

    @Test
    void no_cycles_and_the_depth_is_bounded() {
        String a = activeIssuer(List.of(degree), Map.of());
        String b = activeIssuer(List.of(), Map.of());
        String c = activeIssuer(List.of(), Map.of());
        String d = activeIssuer(List.of(), Map.of());
        String e = activeIssuer(List.of(), Map.of());
        delegated(a, b, List.of(degree));
        delegated(b, c, List.of(degree));
        Api.Response cycle = delegate(c, a, List.of(degree), Map.of());
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.json().get("detail").asString()).contains("cycle");
        assertThat(delegate(a, a, List.of(degree), Map.of()).status()).isEqualTo(409);
        delegated(c, d, List.of(degree));                           // depth 3: the default limit
        Api.Response tooDeep = delegate(d, e, List.of(degree), Map.of());
        assertThat(tooDeep.status()).isEqualTo(409);
        assertThat(tooDeep.json().get("detail").asString()).contains("at most 3");
    }

    @Test
    void only_an_active_issuer_delegates_and_only_within_its_registry() {
        String pending = api.post("/v2/issuers", Api.json(Map.of("did", did("p"), "registryId", registry,
                "name", "Pending", "credentialTypes", List.of(degree))), ADMIN_KEY).id();
        String other = activeIssuer(List.of(), Map.of());
        assertThat(delegate(pending, other, List.of(degree), Map.of()).status()).isEqualTo(409);
        String root = activeIssuer(List.of(degree), Map.of());
        String elsewhere = register("issuers", createRegistry(), did("e"), List.of());
        assertThat(delegate(root, elsewhere, List.of(degree), Map.of()).status()).isEqualTo(409);
        assertThat(delegate(root, UUID.randomUUID().toString(), List.of(degree), Map.of()).status()).isEqualTo(404);
        assertThat(delegate(UUID.randomUUID().toString(), root, List.of(degree), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void suspending_the_root_lapses_every_delegation_below_it_from_that_moment() {
        String root = activeIssuer(List.of(degree), Map.of());
        String middle = activeIssuer(List.of(), Map.of());
        String leaf = activeIssuer(List.of(), Map.of());
        String first = delegated(root, middle, List.of(degree));
        String second = delegated(middle, leaf, List.of(degree));

        assertThat(changeStatus("issuers", root, "SUSPENDED", "audit").status()).isEqualTo(200);
        awaitProjections();
        String suspendedAt = last(api.get("/v2/issuers/" + root + "/status-history", null).json())
                .get("effectiveAt").asString();
        JsonNode lapsedFirst = api.get("/v2/issuers/" + root + "/delegations/" + first, null).json();
        assertThat(lapsedFirst.get("status").asString()).isEqualTo("LAPSED");
        assertThat(lapsedFirst.get("endedAt").asString()).isEqualTo(suspendedAt);
        assertThat(lapsedFirst.get("statusReason").asString()).contains("suspended").contains("audit");
        JsonNode lapsedSecond = api.get("/v2/issuers/" + leaf + "/delegations/" + second, null).json();
        assertThat(lapsedSecond.get("status").asString()).isEqualTo("LAPSED");
        assertThat(lapsedSecond.get("endedAt").asString()).isEqualTo(suspendedAt);
        assertThat(api.get("/v2/issuers/" + leaf + "/delegation-chain", null).json().get("chains")).isEmpty();

        JsonNode audit = api.get("/v2/audit-log?action=DelegationLapsed&resourceId=" + second, ADMIN_KEY).json();
        assertThat(audit.get("items").get(0).get("actorId").asString()).isEqualTo("system");
        // reinstating the root does not bring lapsed delegations back: authority is delegated anew
        changeStatus("issuers", root, "ACTIVE", "audit passed");
        assertThat(statusOf(root, first)).isEqualTo("LAPSED");
    }

    @Test
    void revoking_the_delegator_lapses_its_delegations() {
        String root = activeIssuer(List.of(degree), Map.of());
        String other = activeIssuer(List.of(), Map.of());
        String delegation = delegated(root, other, List.of(degree));
        changeStatus("issuers", root, "REVOKED", "fraud");
        awaitProjections();
        JsonNode lapsed = api.get("/v2/issuers/" + root + "/delegations/" + delegation, null).json();
        assertThat(lapsed.get("status").asString()).isEqualTo("LAPSED");
        assertThat(lapsed.get("statusReason").asString()).contains("revoked");
    }

    @Test
    void the_expiry_of_the_delegator_lapses_its_delegations() throws Exception {
        java.time.Instant until = java.time.Instant.now().plusMillis(800)
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String root = activeIssuer(List.of(degree), Map.of("validUntil", until.toString()));
        String other = activeIssuer(List.of(), Map.of());
        String delegation = delegated(root, other, List.of(degree));
        Thread.sleep(Math.max(0, until.toEpochMilli() - System.currentTimeMillis()) + 50);
        expiry.expireDue();
        awaitProjections();
        JsonNode lapsed = api.get("/v2/issuers/" + root + "/delegations/" + delegation, null).json();
        assertThat(lapsed.get("status").asString()).isEqualTo("LAPSED");
        assertThat(lapsed.get("statusReason").asString()).contains("expired");
        assertThat(lapsed.get("endedAt").asString()).isEqualTo(last(api.get("/v2/issuers/" + root
                + "/status-history", null).json()).get("effectiveAt").asString());
    }

    @Test
    void losing_a_type_lapses_the_delegations_that_pass_it_on() {
        String root = activeIssuer(List.of(degree, diploma), Map.of());
        String other = activeIssuer(List.of(), Map.of());
        String ofDegree = delegated(root, other, List.of(degree));
        String ofDiploma = delegated(root, other, List.of(diploma));
        api.delete("/v2/issuers/" + root + "/credential-types/" + degree + "?reason=lost%20accreditation", ADMIN_KEY);
        awaitProjections();
        assertThat(statusOf(root, ofDegree)).isEqualTo("LAPSED");
        assertThat(statusOf(root, ofDiploma)).isEqualTo("ACTIVE");
    }

    @Test
    void revoking_a_delegation_records_why_and_lapses_what_depended_on_it() {
        String root = activeIssuer(List.of(degree), Map.of());
        String middle = activeIssuer(List.of(), Map.of());
        String leaf = activeIssuer(List.of(), Map.of());
        String first = delegated(root, middle, List.of(degree));
        String second = delegated(middle, leaf, List.of(degree));
        assertThat(api.delete("/v2/issuers/" + middle + "/delegations/" + first + "?reason=x", ADMIN_KEY).status())
                .as("addressed through the wrong issuer").isEqualTo(404);
        assertThat(api.delete("/v2/issuers/" + root + "/delegations/" + first, ADMIN_KEY).status())
                .as("a reason is required").isEqualTo(400);
        Api.Response revoked = api.delete("/v2/issuers/" + root + "/delegations/" + first
                + "?reason=contract%20ended", ADMIN_KEY);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(api.delete("/v2/issuers/" + root + "/delegations/" + first + "?reason=again", ADMIN_KEY).status())
                .isEqualTo(409);
        awaitProjections();
        assertThat(statusOf(root, first)).isEqualTo("REVOKED");
        assertThat(statusOf(leaf, second)).isEqualTo("LAPSED");
        assertThat(api.delete("/v2/issuers/" + root + "/delegations/" + UUID.randomUUID() + "?reason=x", ADMIN_KEY)
                .status()).isEqualTo(404);
    }

    @Test
    void bad_input_and_unauthorized_calls() {
        String root = activeIssuer(List.of(degree), Map.of());
        String other = activeIssuer(List.of(), Map.of());
        assertThat(api.post("/v2/issuers/" + root + "/delegations", Api.json(Map.of("credentialTypes",
                List.of(degree))), ADMIN_KEY).status()).isEqualTo(400);
        assertThat(delegate(root, other, List.of(), Map.of()).status()).isEqualTo(400);
        assertThat(delegate(root, other, List.of(degree), Map.of("validFrom", "2030-01-01T00:00:00Z",
                "validUntil", "2029-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(api.post("/v2/issuers/" + root + "/delegations", Api.json(Map.of("delegateIssuerId", other,
                "credentialTypes", List.of(degree))), null).status()).isEqualTo(401);
        assertThat(api.get("/v2/issuers/" + root + "/delegations/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        List<String> none = new ArrayList<>();
        api.get("/v2/issuers/" + root + "/delegations", null).json().get("given").forEach(d -> none.add("x"));
        assertThat(none).isEmpty();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
