package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A registry's federation connections over HTTP: establish, read, change status, and what must be refused. */
class FederationIntegrationTest extends IntegrationTest {

    private static Map<String, Object> connection(String remoteDid) {
        Map<String, Object> body = new HashMap<>();
        body.put("remoteRegistryDid", remoteDid);
        body.put("remoteRegistryName", "Remote Education Registry");
        body.put("remoteRegistryEndpoint", "https://remote.example/trqp");
        body.put("remoteRegistryType", "toip");
        body.put("trustLevel", "high");
        body.put("federationAgreementUrl", "https://remote.example/agreement.pdf");
        body.put("recognitions", List.of(Map.of("action", "issue", "resource", "UniversityDegreeCredential"),
                Map.of("action", "verify", "resource", "UniversityDegreeCredential")));
        body.put("validFrom", "2026-01-01T00:00:00Z");
        body.put("validUntil", "2030-01-01T00:00:00Z");
        return body;
    }

    private Api.Response establish(String registryId, Map<String, Object> body) {
        return api.post("/v2/registries/" + registryId + "/federation", Api.json(body), ADMIN_KEY);
    }

    private String established(String registryId, String remoteDid) {
        Api.Response created = establish(registryId, connection(remoteDid));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Api.Response changeConnectionStatus(String registryId, String connectionId, String status,
                                                String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("reason", reason);
        return api.patch("/v2/registries/" + registryId + "/federation/" + connectionId + "/status", Api.json(body),
                ADMIN_KEY);
    }

    private long connectionCount(String registryId) {
        return jdbc.sql("SELECT count(*) FROM federation_catalog WHERE registry_id = ?")
                .param(UUID.fromString(registryId)).query(Long.class).single();
    }

    @Test
    void a_connection_is_established_and_read_back() {
        String registry = createRegistry();
        String remote = did("remote");
        Api.Response created = establish(registry, connection(remote));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.id();
        assertThat(created.header("Location")).endsWith("/v2/registries/" + registry + "/federation/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().get("remoteRegistryType").asString()).isEqualTo("toip");

        JsonNode read = api.get("/v2/registries/" + registry + "/federation/" + id, null).json();
        assertThat(read.get("registryId").asString()).isEqualTo(registry);
        assertThat(read.get("remoteRegistryDid").asString()).isEqualTo(remote);
        assertThat(read.get("remoteRegistryName").asString()).isEqualTo("Remote Education Registry");
        assertThat(read.get("remoteRegistryEndpoint").asString()).isEqualTo("https://remote.example/trqp");
        assertThat(read.get("remoteRegistryType").asString()).isEqualTo("toip");
        assertThat(read.get("trustLevel").asString()).isEqualTo("high");
        assertThat(read.get("federationAgreementUrl").asString()).isEqualTo("https://remote.example/agreement.pdf");
        assertThat(read.get("recognitions")).hasSize(2);
        assertThat(read.get("recognitions").get(0).get("action").asString()).isEqualTo("issue");
        assertThat(read.get("recognitions").get(1).get("resource").asString()).isEqualTo("UniversityDegreeCredential");
        assertThat(read.get("validFrom").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(read.get("validUntil").asString()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(read.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.get("revision").asLong()).isZero();

        JsonNode list = api.get("/v2/registries/" + registry + "/federation", null).json();
        assertThat(list.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get("/v2/registries/" + registry + "/federation?status=ACTIVE", null).json()
                .get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/v2/registries/" + registry + "/federation?status=active", null).status())
                .as("status values are exact").isEqualTo(400);
        assertThat(api.get("/v2/registries/" + registry + "/federation?status=TERMINATED", null).json()
                .get("page").get("totalElements").asLong()).isZero();
        assertThat(api.get("/v2/registries/" + registry + "/federation?status=OPEN", null).status()).isEqualTo(400);
    }

    @Test
    void bad_input_is_a_400_problem_naming_the_field_and_changes_nothing() {
        String registry = createRegistry();
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        Map<String, Object> badDid = connection("not-a-did");
        cases.put("remoteRegistryDid", badDid);
        Map<String, Object> unknownType = connection(did("remote"));
        unknownType.put("remoteRegistryType", "openid");
        cases.put("remoteRegistryType", unknownType);
        Map<String, Object> noRecognitions = connection(did("remote"));
        noRecognitions.put("recognitions", List.of());
        cases.put("recognitions", noRecognitions);
        Map<String, Object> blankAction = connection(did("remote"));
        blankAction.put("recognitions", List.of(Map.of("action", " ", "resource", "UniversityDegreeCredential")));
        cases.put("recognitions[0].action", blankAction);
        Map<String, Object> badWindow = connection(did("remote"));
        badWindow.put("validUntil", "2025-01-01T00:00:00Z");
        cases.put("validUntil", badWindow);
        Map<String, Object> badEndpoint = connection(did("remote"));
        badEndpoint.put("remoteRegistryEndpoint", "remote.example/trqp");
        cases.put("remoteRegistryEndpoint", badEndpoint);

        cases.forEach((field, body) -> {
            Api.Response response = establish(registry, body);
            assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsString("field")).as(field).contains(field);
        });
        assertThat(connectionCount(registry)).isZero();
        assertThat(api.get("/v2/registries/" + registry + "/federation", null).json()
                .get("page").get("totalElements").asLong()).isZero();
    }

    @Test
    void an_unknown_registry_is_404_and_a_retired_one_takes_no_connections() {
        String unknown = UUID.randomUUID().toString();
        Api.Response response = establish(unknown, connection(did("remote")));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/v2/registries/" + unknown + "/federation", null).status()).isEqualTo(404);

        String retired = createRegistry();
        changeStatus("registries", retired, "RETIRED", "merged");
        assertThat(establish(retired, connection(did("remote"))).status()).isEqualTo(409);
    }

    @Test
    void one_open_connection_per_remote_did_and_never_to_itself() {
        String registry = createRegistry();
        String remote = did("remote");
        String first = established(registry, remote);

        Api.Response duplicate = establish(registry, connection(remote));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).contains(remote);
        assertThat(changeConnectionStatus(registry, first, "SUSPENDED", "review").status()).isEqualTo(200);
        assertThat(establish(registry, connection(remote)).status()).as("suspended is still open").isEqualTo(409);

        String otherRegistry = createRegistry();
        assertThat(establish(otherRegistry, connection(remote)).status()).as("another registry may").isEqualTo(201);

        assertThat(changeConnectionStatus(registry, first, "TERMINATED", "agreement ended").status()).isEqualTo(200);
        assertThat(establish(registry, connection(remote)).status()).as("after termination").isEqualTo(201);

        String ownDid = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        Api.Response self = establish(registry, connection(ownDid));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.contentType()).startsWith("application/problem+json");
        assertThat(connectionCount(registry)).isEqualTo(2);
    }

    @Test
    void the_status_moves_between_active_and_suspended_until_terminated() {
        String registry = createRegistry();
        String id = established(registry, did("remote"));

        Api.Response suspended = changeConnectionStatus(registry, id, "SUSPENDED", "agreement under review");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.json().get("statusReason").asString()).isEqualTo("agreement under review");
        assertThat(changeConnectionStatus(registry, id, "SUSPENDED", "again").status()).isEqualTo(409);
        assertThat(changeConnectionStatus(registry, id, "ACTIVE", null).status()).as("a reason is needed")
                .isEqualTo(400);
        assertThat(changeConnectionStatus(registry, id, "ACTIVE", "review passed").status()).isEqualTo(200);
        assertThat(changeConnectionStatus(registry, id, "TERMINATED", "agreement ended").status()).isEqualTo(200);
        long events = eventCount(id);

        for (String status : List.of("ACTIVE", "SUSPENDED", "TERMINATED")) {
            Api.Response refused = changeConnectionStatus(registry, id, status, "please");
            assertThat(refused.status()).as(status).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(changeConnectionStatus(registry, id, "EXPIRED", "x").status()).isEqualTo(400);
        assertThat(eventCount(id)).as("refused changes write nothing").isEqualTo(events).isEqualTo(4);

        JsonNode read = api.get("/v2/registries/" + registry + "/federation/" + id, null).json();
        assertThat(read.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(read.get("statusReason").asString()).isEqualTo("agreement ended");
        assertThat(read.get("revision").asLong()).isEqualTo(3);
        assertThat(api.get("/v2/registries/" + registry + "/federation?status=TERMINATED", null).json()
                .get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void a_connection_is_known_only_under_its_own_registry() {
        String registry = createRegistry();
        String other = createRegistry();
        String id = established(registry, did("remote"));
        String unknown = UUID.randomUUID().toString();

        assertThat(changeConnectionStatus(registry, unknown, "SUSPENDED", "x").status()).isEqualTo(404);
        assertThat(changeConnectionStatus(other, id, "SUSPENDED", "x").status()).isEqualTo(404);
        assertThat(changeConnectionStatus(registry, registry, "SUSPENDED", "x").status())
                .as("the id of another kind of aggregate").isEqualTo(404);
        assertThat(api.get("/v2/registries/" + registry + "/federation/" + unknown, null).status()).isEqualTo(404);
        assertThat(api.get("/v2/registries/" + other + "/federation/" + id, null).status()).isEqualTo(404);
        assertThat(api.get("/v2/registries/" + other + "/federation", null).json()
                .get("page").get("totalElements").asLong()).isZero();
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void writes_need_the_admin_key_and_reads_are_public() {
        String registry = createRegistry();
        String id = established(registry, did("remote"));

        Api.Response post = api.post("/v2/registries/" + registry + "/federation",
                Api.json(connection(did("remote"))), null);
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.contentType()).startsWith("application/problem+json");
        Api.Response patch = api.patch("/v2/registries/" + registry + "/federation/" + id + "/status",
                Api.json(Map.of("status", "SUSPENDED", "reason", "x")), null);
        assertThat(patch.status()).isEqualTo(401);
        assertThat(api.post("/v2/registries/" + registry + "/federation", Api.json(connection(did("remote"))),
                "trk_not-a-real-key").status()).isEqualTo(401);

        assertThat(api.get("/v2/registries/" + registry + "/federation", null).status()).isEqualTo(200);
        assertThat(api.get("/v2/registries/" + registry + "/federation/" + id, null).status()).isEqualTo(200);
        assertThat(eventCount(id)).isEqualTo(1);
        assertThat(connectionCount(registry)).isEqualTo(1);
    }

    @Test
    void every_event_lands_in_the_audit_log() {
        String registry = createRegistry();
        String id = established(registry, did("remote"));
        changeConnectionStatus(registry, id, "SUSPENDED", "agreement under review");
        changeConnectionStatus(registry, id, "TERMINATED", "agreement ended");
        awaitProjections();

        JsonNode rows = api.get("/v2/audit-log?resourceId=" + id, ADMIN_KEY).json().get("items");
        List<String> actions = new ArrayList<>();
        rows.forEach(row -> actions.add(row.get("action").asString()));
        assertThat(actions).containsExactly("FederationConnectionEstablished", "FederationConnectionStatusChanged",
                "FederationConnectionStatusChanged");
        rows.forEach(row -> {
            assertThat(row.get("resourceType").asString()).isEqualTo("FederationConnection");
            assertThat(row.get("result").asString()).isEqualTo("SUCCESS");
            assertThat(row.get("actorId").isNull()).as("actor").isFalse();
        });
        JsonNode terminated = rows.get(2).get("details");
        assertThat(terminated.get("previousStatus").asString()).isEqualTo("SUSPENDED");
        assertThat(terminated.get("newStatus").asString()).isEqualTo("TERMINATED");
        assertThat(terminated.get("reason").asString()).isEqualTo("agreement ended");
        assertThat(terminated.get("actor").asString()).isEqualTo(rows.get(2).get("actorId").asString());
        assertThat(terminated.get("effectiveAt").asString()).isNotBlank();
    }

    @Test
    void the_did_directory_knows_the_remote_registry() {
        String registry = createRegistry();
        String remote = did("remote");
        established(registry, remote);
        Api.Response known = api.get("/v2/dids/" + remote, null);
        assertThat(known.status()).as(known.toString()).isEqualTo(200);
        JsonNode entry = known.json();
        List<String> roles = new ArrayList<>();
        entry.get("roles").forEach(r -> roles.add(r.asString()));
        assertThat(roles).containsExactly("federated-registry");

        // a registry known here too, recognized by another: both roles, sorted
        String other = createRegistry();
        String otherDid = api.get("/v2/registries/" + other, null).json().get("ecosystemDid").asString();
        established(registry, otherDid);
        List<String> both = new ArrayList<>();
        api.get("/v2/dids/" + otherDid, null).json().get("roles").forEach(r -> both.add(r.asString()));
        assertThat(both).containsExactly("federated-registry", "registry");
    }
}
