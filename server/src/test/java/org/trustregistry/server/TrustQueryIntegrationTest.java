package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrustQueryIntegrationTest extends IntegrationTest {

    @Test
    void a_trust_query_finds_entities_in_good_standing_at_the_time_asked() throws Exception {
        String registry = createRegistry();
        String type = unique("MembershipCredential");
        String schema = createSchema(registry, type);
        String did = did("member");
        String issuer = api.post("/v2/issuers", Api.json(Map.of("did", did, "registryId", registry, "name", "Member",
                "credentialTypes", List.of(schema), "jurisdictions", List.of("EU"), "accreditationLevel", "high")),
                ADMIN_KEY).id();
        changeStatus("issuers", issuer, "ACTIVE", null);
        Thread.sleep(30);
        Instant active = Instant.now();
        Thread.sleep(30);
        changeStatus("issuers", issuer, "SUSPENDED", "audit");
        awaitProjections();

        Map<String, Object> query = new HashMap<>(Map.of("entityType", "issuer", "credentialType", type,
                "registryId", registry, "jurisdiction", "EU", "accreditationLevel", "high", "validAt",
                active.toString()));
        JsonNode then = api.post("/v2/query", Api.json(query), null).json();
        assertThat(then.get("trusted").asBoolean()).isTrue();
        assertThat(then.get("matches").get(0).get("did").asString()).isEqualTo(did);
        query.remove("validAt");
        assertThat(api.post("/v2/query", Api.json(query), null).json().get("trusted").asBoolean())
                .as("suspended now").isFalse();
        query.put("validAt", active.toString());
        query.put("jurisdiction", "US");
        assertThat(api.post("/v2/query", Api.json(query), null).json().get("trusted").asBoolean()).isFalse();
        assertThat(api.post("/v2/query", Api.json(Map.of("did", did, "entityType", "verifier", "validAt",
                active.toString())), null).json().get("trusted").asBoolean()).isFalse();
    }

    @Test
    void a_batch_answers_each_query_on_its_own() {
        List<Object> queries = new ArrayList<>();
        queries.add(Map.of("did", did("nobody")));
        queries.add(Map.of("validAt", "2026-01-01T00:00:00+01:00"));
        queries.add(Map.of("entityType", "wizard"));
        JsonNode results = api.post("/v2/query/batch", Api.json(Map.of("queries", queries)), null).json()
                .get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).get("trusted").asBoolean()).isFalse();
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("field").asString()).isEqualTo("validAt");
        assertThat(results.get(2).get("field").asString()).isEqualTo("entityType");

        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            tooMany.add(Map.of());
        }
        assertThat(api.post("/v2/query/batch", Api.json(Map.of("queries", tooMany)), null).status()).isEqualTo(400);
        assertThat(api.post("/v2/query/batch", Api.json(Map.of("queries", List.of())), null).status()).isEqualTo(400);
        assertThat(api.post("/v2/query", "[]", null).status()).isEqualTo(400);
        assertThat(api.post("/v2/query", Api.json(Map.of("registryId", "nope")), null).status()).isEqualTo(400);
        assertThat(api.post("/v2/query", "{oops", null).status()).isEqualTo(400);
    }
}
