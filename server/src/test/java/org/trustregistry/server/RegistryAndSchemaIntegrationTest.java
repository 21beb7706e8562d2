package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegistryAndSchemaIntegrationTest extends IntegrationTest {

    @Test
    void a_registry_is_created_read_updated_and_retired() {
        String ecosystem = did("edu");
        Api.Response created = api.post("/v2/registries", Api.json(Map.of("name", "Education Ecosystem",
                "description", "Degrees", "ecosystemDid", ecosystem, "governanceAuthority", "Ministry")), ADMIN_KEY);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/v2/registries/" + created.id());
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
        String id = created.id();

        JsonNode read = api.get("/v2/registries/" + id, null).json();
        assertThat(read.get("ecosystemDid").asString()).isEqualTo(ecosystem);
        assertThat(read.get("governanceAuthority").asString()).isEqualTo("Ministry");

        assertThat(api.put("/v2/registries/" + id, Api.json(Map.of("name", "Higher Education Ecosystem")), ADMIN_KEY)
                .status()).isEqualTo(200);
        assertThat(api.get("/v2/registries/" + id, null).json().get("name").asString())
                .isEqualTo("Higher Education Ecosystem");

        assertThat(changeStatus("registries", id, "SUSPENDED", "maintenance").status()).isEqualTo(200);
        assertThat(changeStatus("registries", id, "RETIRED", "merged").status()).isEqualTo(200);
        assertThat(changeStatus("registries", id, "ACTIVE", "back").status()).isEqualTo(409);
        assertThat(api.post("/v2/issuers", Api.json(Map.of("did", did("late"), "registryId", id, "name", "Late")),
                ADMIN_KEY).status()).as("a retired registry takes no new members").isEqualTo(409);
        assertThat(api.get("/v2/registries?status=RETIRED&ecosystemDid=" + ecosystem, null).json()
                .get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/v2/dids/" + ecosystem, null).json().get("roles").get(0).asString()).isEqualTo("registry");
    }

    @Test
    void one_registry_per_ecosystem_did() {
        String ecosystem = did("solo");
        assertThat(api.post("/v2/registries", Api.json(Map.of("name", "First", "ecosystemDid", ecosystem)), ADMIN_KEY)
                .status()).isEqualTo(201);
        Api.Response second = api.post("/v2/registries", Api.json(Map.of("name", "Second", "ecosystemDid", ecosystem)),
                ADMIN_KEY);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains(ecosystem);
    }

    @Test
    void registries_are_searched_by_name_with_trigrams() {
        String marker = "Zyxwv" + UUID.randomUUID().toString().substring(0, 4);
        api.post("/v2/registries", Api.json(Map.of("name", marker + " Health Registry", "ecosystemDid", did("h"))),
                ADMIN_KEY);
        JsonNode exact = api.get("/v2/registries?q=" + marker.toLowerCase(), null).json();
        assertThat(exact.get("items").get(0).get("name").asString()).startsWith(marker);
        JsonNode misspelt = api.get("/v2/registries?q=" + marker + "%20Helth%20Registy", null).json();
        assertThat(misspelt.get("page").get("totalElements").asLong()).as("trigram similarity").isPositive();
    }

    @Test
    void lists_are_paged_and_the_limits_are_checked() {
        createRegistry();
        createRegistry();
        JsonNode page = api.get("/v2/registries?page=0&size=1", null).json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(1);
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/v2/registries?size=501", null).status()).isEqualTo(400);
        assertThat(api.get("/v2/registries?page=-1", null).status()).isEqualTo(400);
        assertThat(api.get("/v2/registries?status=OPEN", null).status()).isEqualTo(400);
        assertThat(api.get("/v2/issuers?registryId=not-a-uuid", null).status()).isEqualTo(400);
    }

    @Test
    void a_schema_is_registered_updated_and_deprecated() {
        String registry = createRegistry();
        String type = unique("MembershipCredential");
        Api.Response created = api.post("/v2/schemas", Api.json(Map.of("registryId", registry, "name", "Membership",
                "version", "1.0", "type", type, "jsonSchema", Map.of("type", "object"),
                "issuerMode", "ECOSYSTEM", "verifierMode", "OPEN")), ADMIN_KEY);
        assertThat(created.status()).isEqualTo(201);
        String id = created.id();
        JsonNode read = api.get("/v2/schemas/" + id, null).json();
        assertThat(read.get("type").asString()).isEqualTo(type);
        assertThat(read.get("issuerMode").asString()).isEqualTo("ECOSYSTEM");
        assertThat(read.get("jsonSchema").get("type").asString()).isEqualTo("object");

        assertThat(api.put("/v2/schemas/" + id, Api.json(Map.of("name", "Membership v1.1", "version", "1.1",
                "jsonSchema", Map.of("type", "object", "required", java.util.List.of("id")))), ADMIN_KEY).status())
                .isEqualTo(200);
        assertThat(api.put("/v2/schemas/" + id, Api.json(Map.of("name", "Other", "type", "Other",
                "jsonSchema", Map.of())), ADMIN_KEY).status()).as("the type never changes").isEqualTo(409);
        assertThat(api.patch("/v2/schemas/" + id + "/status", Api.json(Map.of("status", "DEPRECATED",
                "reason", "replaced")), ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.get("/v2/schemas?registryId=" + registry + "&status=DEPRECATED", null).json()
                .get("items").get(0).get("version").asString()).isEqualTo("1.1");
        assertThat(api.get("/v2/schemas?type=" + type, null).json().get("page").get("totalElements").asLong())
                .isEqualTo(1);
    }

    @Test
    void a_schema_needs_an_existing_registry() {
        Api.Response orphan = api.post("/v2/schemas", Api.json(Map.of("registryId", UUID.randomUUID().toString(),
                "name", "X", "type", "X", "jsonSchema", Map.of())), ADMIN_KEY);
        assertThat(orphan.status()).isEqualTo(404);
        assertThat(api.get("/v2/schemas/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(api.get("/v2/registries/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }
}
