package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrustFrameworkIntegrationTest extends IntegrationTest {

    private String createFramework(String name) {
        Api.Response created = api.post("/v2/trust-frameworks", Api.json(Map.of("name", name, "version", "1.0",
                "governanceFrameworkUrl", "https://gf.example/" + name, "legalAgreements",
                List.of("https://gf.example/terms"), "jurisdictions", List.of("EU"))), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Api.Response retire(String framework) {
        api.patch("/v2/trust-frameworks/" + framework + "/status",
                Api.json(Map.of("status", "DEPRECATED", "reason", "v2 out")), ADMIN_KEY);
        return api.patch("/v2/trust-frameworks/" + framework + "/status",
                Api.json(Map.of("status", "RETIRED", "reason", "gone")), ADMIN_KEY);
    }

    @Test
    void a_framework_is_created_read_updated_deprecated_and_retired() {
        String id = createFramework(unique("EduFramework"));
        JsonNode read = api.get("/v2/trust-frameworks/" + id, null).json();
        assertThat(read.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.get("legalAgreements").get(0).asString()).isEqualTo("https://gf.example/terms");
        assertThat(api.put("/v2/trust-frameworks/" + id, Api.json(Map.of("name", "Renamed framework",
                "version", "1.1")), ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.get("/v2/trust-frameworks/" + id, null).json().get("version").asString()).isEqualTo("1.1");
        assertThat(api.patch("/v2/trust-frameworks/" + id + "/status",
                Api.json(Map.of("status", "RETIRED", "reason", "skip")), ADMIN_KEY).status())
                .as("only forward, one step at a time").isEqualTo(409);
        assertThat(retire(id).status()).isEqualTo(200);
        assertThat(api.get("/v2/trust-frameworks/" + id, null).json().get("status").asString()).isEqualTo("RETIRED");
        assertThat(api.get("/v2/trust-frameworks?status=RETIRED&q=renamed", null).json().get("page")
                .get("totalElements").asLong()).isPositive();
        JsonNode audit = api.get("/v2/audit-log?resourceId=" + id, ADMIN_KEY).json().get("items");
        assertThat(audit).hasSize(4);
        assertThat(audit.get(3).get("action").asString()).isEqualTo("TrustFrameworkStatusChanged");
        assertThat(audit.get(3).get("actorRole").asString()).isEqualTo("admin");
    }

    @Test
    void registries_link_and_unlink_a_framework() {
        String framework = createFramework(unique("Link"));
        String registry = createRegistry();
        Api.Response linked = api.put("/v2/registries/" + registry + "/trust-framework",
                Api.json(Map.of("trustFrameworkId", framework)), ADMIN_KEY);
        assertThat(linked.status()).isEqualTo(200);
        assertThat(api.get("/v2/registries/" + registry, null).json().get("trustFrameworkId").asString())
                .isEqualTo(framework);
        assertThat(api.get("/v2/registries?trustFrameworkId=" + framework, null).json().get("page")
                .get("totalElements").asLong()).isEqualTo(1);
        assertThat(api.delete("/v2/registries/" + registry + "/trust-framework", ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.get("/v2/registries/" + registry, null).json().get("trustFrameworkId").isNull()).isTrue();
        assertThat(api.delete("/v2/registries/" + registry + "/trust-framework", ADMIN_KEY).status()).isEqualTo(404);
        assertThat(api.put("/v2/registries/" + registry + "/trust-framework",
                Api.json(Map.of("trustFrameworkId", UUID.randomUUID().toString())), ADMIN_KEY).status())
                .isEqualTo(404);
        assertThat(api.put("/v2/registries/" + registry + "/trust-framework", "{}", ADMIN_KEY).status())
                .isEqualTo(400);
    }

    @Test
    void a_retired_framework_accepts_no_new_references() {
        String framework = createFramework(unique("Old"));
        String registry = createRegistry();
        String issuer = register("issuers", registry, did("i"), List.of());
        assertThat(retire(framework).status()).isEqualTo(200);

        assertThat(api.post("/v2/registries", Api.json(Map.of("name", "R", "ecosystemDid", did("r"),
                "trustFrameworkId", framework)), ADMIN_KEY).status()).isEqualTo(409);
        assertThat(api.put("/v2/registries/" + registry + "/trust-framework",
                Api.json(Map.of("trustFrameworkId", framework)), ADMIN_KEY).status()).isEqualTo(409);
        assertThat(api.post("/v2/schemas", Api.json(Map.of("registryId", registry, "name", "S", "type", "T",
                "jsonSchema", Map.of(), "trustFrameworkId", framework)), ADMIN_KEY).status()).isEqualTo(409);
        for (String kind : List.of("issuers", "verifiers")) {
            assertThat(api.post("/v2/" + kind, Api.json(Map.of("did", did("x"), "registryId", registry, "name", "X",
                    "trustFrameworkId", framework)), ADMIN_KEY).status()).as(kind).isEqualTo(409);
        }
        assertThat(api.put("/v2/issuers/" + issuer, Api.json(Map.of("name", "X", "trustFrameworkId", framework)),
                ADMIN_KEY).status()).isEqualTo(409);
        assertThat(api.post("/v2/issuers", Api.json(Map.of("did", did("y"), "registryId", registry, "name", "Y",
                "trustFrameworkId", UUID.randomUUID().toString())), ADMIN_KEY).status())
                .as("an unknown framework").isEqualTo(404);
        // an active framework is fine
        String current = createFramework(unique("Current"));
        assertThat(api.post("/v2/issuers", Api.json(Map.of("did", did("z"), "registryId", registry, "name", "Z",
                "trustFrameworkId", current)), ADMIN_KEY).status()).isEqualTo(201);
    }

    @Test
    void bad_input_unknown_ids_and_missing_keys() {
        assertThat(api.post("/v2/trust-frameworks", Api.json(Map.of("version", "1")), ADMIN_KEY).status())
                .isEqualTo(400);
        assertThat(api.post("/v2/trust-frameworks", Api.json(Map.of("name", "X")), null).status()).isEqualTo(401);
        assertThat(api.get("/v2/trust-frameworks/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(api.patch("/v2/trust-frameworks/" + UUID.randomUUID() + "/status",
                Api.json(Map.of("status", "DEPRECATED", "reason", "x")), ADMIN_KEY).status()).isEqualTo(404);
        assertThat(api.get("/v2/trust-frameworks?status=GONE", null).status()).isEqualTo(400);
    }
}
