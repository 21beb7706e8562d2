package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Issuers and verifiers through the HTTP API, from registration to revocation, with their history. */
class AccreditedEntityLifecycleIntegrationTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"issuers", "verifiers"})
    void an_entity_goes_through_its_lifecycle_and_every_step_is_recorded(String kind) {
        String registry = createRegistry();
        String schema = createSchema(registry, unique("DegreeCredential"));
        String did = did("uni");
        String id = register(kind, registry, did, List.of(schema));

        assertThat(changeStatus(kind, id, "ACTIVE", null).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(changeStatus(kind, id, "SUSPENDED", "under audit").status()).isEqualTo(200);
        assertThat(changeStatus(kind, id, "ACTIVE", "audit passed").status()).isEqualTo(200);
        Api.Response revoked = changeStatus(kind, id, "REVOKED", "accreditation withdrawn");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");

        long eventsBefore = eventCount(id);
        Api.Response illegal = changeStatus(kind, id, "ACTIVE", "please");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(illegal.json().get("detail").asString()).contains("REVOKED").contains("ACTIVE");
        assertThat(eventCount(id)).as("a refused transition produces no event").isEqualTo(eventsBefore);

        Api.Response record = api.get("/v2/" + kind + "/" + id, null);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(record.json().get("statusReason").asString()).isEqualTo("accreditation withdrawn");
        assertThat(record.json().get("did").asString()).isEqualTo(did);
        assertThat(record.json().get("credentialTypes").get(0).get("schemaId").asString()).isEqualTo(schema);

        JsonNode history = api.get("/v2/" + kind + "/" + id + "/status-history", null).json();
        List<String> steps = new ArrayList<>();
        // (Jackson 3 reads a JSON null as the empty string)
        history.forEach(row -> steps.add(row.get("transition").asString() + ":" + row.get("previousStatus").asString()
                + ">" + row.get("newStatus").asString()));
        assertThat(steps).containsExactly("REGISTER:>PENDING", "ACTIVATE:PENDING>ACTIVE",
                "SUSPEND:ACTIVE>SUSPENDED", "REINSTATE:SUSPENDED>ACTIVE", "REVOKE:ACTIVE>REVOKED");
        String adminKeyId = jdbc.sql("SELECT id::text FROM api_keys WHERE name = 'bootstrap admin'")
                .query(String.class).single();
        history.forEach(row -> {
            assertThat(row.get("actorId").asString()).isEqualTo(adminKeyId);
            assertThat(row.get("actorRole").asString()).isEqualTo("admin");
            assertThat(row.get("requestId").asString()).isNotBlank();
            assertThat(row.get("effectiveAt").asString()).endsWith("Z");
        });
        assertThat(history.get(2).get("reason").asString()).isEqualTo("under audit");

        JsonNode audit = api.get("/v2/audit-log?resourceId=" + id + "&size=50", ADMIN_KEY).json().get("items");
        List<String> actions = new ArrayList<>();
        audit.forEach(row -> actions.add(row.get("action").asString()));
        String prefix = kind.equals("issuers") ? "Issuer" : "Verifier";
        assertThat(actions).containsExactly(prefix + "Registered", prefix + "CredentialTypeAuthorized",
                prefix + "Activated", prefix + "Suspended", prefix + "Reinstated", prefix + "Revoked");
        audit.forEach(row -> assertThat(row.get("actorId").asString()).isEqualTo(adminKeyId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuers", "verifiers"})
    void the_request_id_of_the_caller_ends_up_on_the_events(String kind) {
        String registry = createRegistry();
        String id = register(kind, registry, did("rid"), List.of());
        Api.Response response = api.send(api.builder("/v2/" + kind + "/" + id + "/status", ADMIN_KEY)
                .header("Content-Type", "application/json").header("X-Request-ID", "trace-42-abc")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"ACTIVE\"}")).build());
        assertThat(response.header("X-Request-ID")).isEqualTo("trace-42-abc");
        JsonNode history = api.get("/v2/" + kind + "/" + id + "/status-history", null).json();
        assertThat(history.get(1).get("requestId").asString()).isEqualTo("trace-42-abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuers", "verifiers"})
    void one_did_is_registered_once_per_registry_even_when_two_try_at_the_same_moment(String kind) throws Exception {
        String registry = createRegistry();
        String did = did("twin");
        String body = Api.json(Map.of("did", did, "registryId", registry, "name", "Twin"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> api.post("/v2/" + kind, body, ADMIN_KEY).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(attempts)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        awaitProjections();
        assertThat(api.get("/v2/" + kind + "?did=" + did, null).json().get("page").get("totalElements").asLong())
                .isEqualTo(1);
        // the same DID may still be registered in another registry
        register(kind, createRegistry(), did, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuers", "verifiers"})
    void registration_checks_did_window_registry_and_schemas(String kind) {
        String registry = createRegistry();
        Api.Response badDid = api.post("/v2/" + kind, Api.json(Map.of("did", "not-a-did", "registryId", registry,
                "name", "X")), ADMIN_KEY);
        assertThat(badDid.status()).isEqualTo(400);
        assertThat(badDid.json().get("errors").get(0).get("field").asString()).isEqualTo("did");

        Api.Response badWindow = api.post("/v2/" + kind, Api.json(Map.of("did", did("w"), "registryId", registry,
                "name", "X", "validFrom", "2027-01-01T00:00:00Z", "validUntil", "2026-01-01T00:00:00Z")), ADMIN_KEY);
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().get("errors").get(0).get("field").asString()).isEqualTo("validUntil");

        Api.Response noRegistry = api.post("/v2/" + kind, Api.json(Map.of("did", did("r"),
                "registryId", java.util.UUID.randomUUID().toString(), "name", "X")), ADMIN_KEY);
        assertThat(noRegistry.status()).isEqualTo(404);

        Api.Response noSchema = api.post("/v2/" + kind, Api.json(Map.of("did", did("s"), "registryId", registry,
                "name", "X", "credentialTypes", List.of(java.util.UUID.randomUUID().toString()))), ADMIN_KEY);
        assertThat(noSchema.status()).isEqualTo(404);

        String otherRegistrySchema = createSchema(createRegistry(), unique("OtherCredential"));
        Api.Response foreignSchema = api.post("/v2/" + kind, Api.json(Map.of("did", did("f"), "registryId", registry,
                "name", "X", "credentialTypes", List.of(otherRegistrySchema))), ADMIN_KEY);
        assertThat(foreignSchema.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM entity_did_claims WHERE registry_id = ?::uuid").param(registry)
                .query(Long.class).single()).as("refused registrations leave no claim behind").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuers", "verifiers"})
    void credential_types_are_authorized_and_withdrawn(String kind) {
        String registry = createRegistry();
        String degree = createSchema(registry, unique("DegreeCredential"));
        String diploma = createSchema(registry, unique("DiplomaCredential"));
        String id = register(kind, registry, did("ct"), List.of(degree));

        Api.Response added = api.post("/v2/" + kind + "/" + id + "/credential-types",
                Api.json(Map.of("schemaId", diploma)), ADMIN_KEY);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("credentialTypes")).hasSize(2);
        assertThat(api.post("/v2/" + kind + "/" + id + "/credential-types", Api.json(Map.of("schemaId", diploma)),
                ADMIN_KEY).status()).as("already authorized").isEqualTo(409);

        Api.Response removed = api.delete("/v2/" + kind + "/" + id + "/credential-types/" + degree
                + "?reason=expired%20accreditation", ADMIN_KEY);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(api.delete("/v2/" + kind + "/" + id + "/credential-types/" + degree, ADMIN_KEY).status())
                .isEqualTo(404);

        JsonNode types = api.get("/v2/" + kind + "/" + id, null).json().get("credentialTypes");
        assertThat(types).hasSize(1);
        assertThat(types.get(0).get("schemaId").asString()).isEqualTo(diploma);

        api.patch("/v2/schemas/" + diploma + "/status", Api.json(Map.of("status", "DEPRECATED", "reason", "v2")),
                ADMIN_KEY);
        String other = register(kind, registry, did("late"), List.of());
        assertThat(api.post("/v2/" + kind + "/" + other + "/credential-types", Api.json(Map.of("schemaId", diploma)),
                ADMIN_KEY).status()).as("a deprecated schema is authorized for no one new").isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuers", "verifiers"})
    void the_profile_can_change_until_revocation(String kind) {
        String registry = createRegistry();
        String id = register(kind, registry, did("p"), List.of());
        Map<String, Object> profile = Map.of("name", "Renamed University", "jurisdictions", List.of("DE"),
                "accreditationLevel", "high", "validUntil", "2030-01-01T00:00:00Z", "metadata", Map.of("x", 1));
        Api.Response updated = api.put("/v2/" + kind + "/" + id, Api.json(profile), ADMIN_KEY);
        assertThat(updated.status()).isEqualTo(200);
        JsonNode record = api.get("/v2/" + kind + "/" + id, null).json();
        assertThat(record.get("name").asString()).isEqualTo("Renamed University");
        assertThat(record.get("validUntil").asString()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(record.get("metadata").get("x").asInt()).isEqualTo(1);
        assertThat(api.get("/v2/" + kind + "?jurisdiction=DE&accreditationLevel=high&registryId=" + registry, null)
                .json().get("page").get("totalElements").asLong()).isEqualTo(1);

        changeStatus(kind, id, "REVOKED", "closed");
        assertThat(api.put("/v2/" + kind + "/" + id, Api.json(profile), ADMIN_KEY).status()).isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuers", "verifiers"})
    void unknown_ids_are_404(String kind) {
        String unknown = java.util.UUID.randomUUID().toString();
        assertThat(api.get("/v2/" + kind + "/" + unknown, null).status()).isEqualTo(404);
        assertThat(api.get("/v2/" + kind + "/" + unknown + "/status-history", null).status()).isEqualTo(404);
        assertThat(changeStatus(kind, unknown, "ACTIVE", null).status()).isEqualTo(404);
        // the id of another kind of aggregate is unknown here too
        String registry = createRegistry();
        assertThat(changeStatus(kind, registry, "ACTIVE", null).status()).isEqualTo(404);
        // and so is the other kind's: nothing is appended to its stream
        String other = register(kind.equals("issuers") ? "verifiers" : "issuers", registry, did("other"), List.of());
        assertThat(changeStatus(kind, other, "ACTIVE", null).status()).isEqualTo(404);
        assertThat(eventCount(other)).isEqualTo(1);
    }
}
