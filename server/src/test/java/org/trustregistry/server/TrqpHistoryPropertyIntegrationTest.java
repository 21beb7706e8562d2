package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Property: for random lifecycles of issuers and verifiers, the TRQP answer at any time equals a
 * straightforward evaluation of their event history, read raw from the event store.
 */
class TrqpHistoryPropertyIntegrationTest extends IntegrationTest {

    private static final int ENTITIES = 8;
    private static final int STEPS = 7;

    @Test
    void answers_at_any_time_match_an_independent_evaluation_of_the_events() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String registry = createRegistry();
        String authority = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        String type = unique("PropertyCredential");
        String schema = createSchema(registry, type);

        Map<String, String> kinds = new HashMap<>();
        Map<String, String> dids = new HashMap<>();
        for (int i = 0; i < ENTITIES; i++) {
            String kind = random.nextBoolean() ? "issuers" : "verifiers";
            String did = did("prop");
            Map<String, Object> body = new HashMap<>(Map.of("did", did, "registryId", registry, "name", "P" + i,
                    "credentialTypes", random.nextInt(4) == 0 ? List.of() : List.of(schema)));
            if (random.nextInt(3) == 0) {
                body.put("validUntil", Instant.now().plusMillis(400 + random.nextInt(1500)).toString());
            }
            String id = api.post("/v2/" + kind, Api.json(body), ADMIN_KEY).id();
            kinds.put(id, kind);
            dids.put(id, did);
        }
        for (int step = 0; step < STEPS; step++) {
            for (String id : kinds.keySet()) {
                randomStep(random, kinds.get(id), id, schema);
            }
            Thread.sleep(15 + random.nextInt(40));
        }
        awaitProjections();

        int granted = 0;
        int denied = 0;
        for (String id : kinds.keySet()) {
            List<JsonNode> events = new ArrayList<>();
            api.get("/v2/events/" + id, ADMIN_KEY).json().forEach(events::add);
            TreeSet<Instant> times = new TreeSet<>();
            for (JsonNode event : events) {
                Instant at = effectiveAt(event.get("payload"));
                times.add(at.minusMillis(1));
                times.add(at);
                times.add(at.plusNanos(1000));
            }
            JsonNode window = events.get(0).get("payload").get("validUntil");
            if (window != null && !window.isNull()) {
                Instant until = Instant.parse(window.asString());
                times.add(until.minusNanos(1000));
                times.add(until);
            }
            times.add(Instant.now());
            String action = kinds.get(id).equals("issuers") ? "issue" : "verify";
            for (Instant t : times) {
                boolean expected = expected(events, type, t);
                JsonNode answer = api.post("/v2/authorization", Api.json(Map.of("entity_id", dids.get(id),
                        "authority_id", authority, "action", action, "resource", type,
                        "context", Map.of("time", t.toString()))), null).json();
                assertThat(TrqpSchemas.violations("authorization_response", answer)).isEmpty();
                assertThat(answer.get("authorized").asBoolean())
                        .as("seed %d, %s %s at %s; events %s", seed, kinds.get(id), id, t, events)
                        .isEqualTo(expected);
                if (expected) {
                    granted++;
                } else {
                    denied++;
                }
            }
        }
        // the generated histories must exercise both answers, or the property says little
        assertThat(granted).as("seed %d: authorized answers", seed).isPositive();
        assertThat(denied).as("seed %d: denied answers", seed).isPositive();
    }

    /** One random command the entity's current state allows (refusals are fine: they record nothing). */
    private void randomStep(Random random, String kind, String id, String schema) {
        switch (random.nextInt(6)) {
            case 0, 1 -> changeStatus(kind, id, "ACTIVE", "go");
            case 2 -> changeStatus(kind, id, "SUSPENDED", "pause");
            case 3 -> {
                if (random.nextInt(3) == 0) {
                    changeStatus(kind, id, "REVOKED", "end");
                } else {
                    api.put("/v2/" + kind + "/" + id, Api.json(Map.of("name", "renamed",
                            "validUntil", Instant.now().plusMillis(200 + random.nextInt(2000)).toString())), ADMIN_KEY);
                }
            }
            case 4 -> api.delete("/v2/" + kind + "/" + id + "/credential-types/" + schema + "?reason=x", ADMIN_KEY);
            default -> api.post("/v2/" + kind + "/" + id + "/credential-types", Api.json(Map.of("schemaId", schema)),
                    ADMIN_KEY);
        }
    }

    /** The plain reading of the history: the state left by every event effective at or before t. */
    private static boolean expected(List<JsonNode> events, String type, Instant t) {
        String status = null;
        Instant validFrom = null;
        Instant validUntil = null;
        Set<String> held = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode p = event.get("payload");
            if (effectiveAt(p).isAfter(t)) {
                break;
            }
            String name = event.get("eventType").asString();
            if (name.endsWith("Registered")) {
                status = "PENDING";
                validFrom = instant(p.get("validFrom"));
                validUntil = instant(p.get("validUntil"));
            } else if (name.endsWith("ProfileUpdated")) {
                validFrom = instant(p.get("validFrom"));
                validUntil = instant(p.get("validUntil"));
            } else if (name.endsWith("CredentialTypeAuthorized")) {
                held.add(p.get("credentialType").asString());
            } else if (name.endsWith("CredentialTypeWithdrawn")) {
                held.remove(p.get("credentialType").asString());
            } else if (p.has("newStatus")) {
                status = p.get("newStatus").asString();
                if (name.endsWith("Renewed")) {
                    validUntil = instant(p.get("validUntil"));
                }
            }
        }
        boolean inWindow = (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || t.isBefore(validUntil));
        return "ACTIVE".equals(status) && inWindow && held.contains(type);
    }

    private static Instant effectiveAt(JsonNode payload) {
        for (String field : new String[] {"effectiveAt", "registeredAt", "updatedAt"}) {
            if (payload.has(field)) {
                return Instant.parse(payload.get(field).asString());
            }
        }
        throw new IllegalStateException("no time in " + payload);
    }

    private static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : Instant.parse(value.asString());
    }
}
