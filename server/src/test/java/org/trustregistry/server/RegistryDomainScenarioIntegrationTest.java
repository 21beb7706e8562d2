package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole registry domain in one story, through the HTTP API only: a framework, two registries,
 * schemas, a root issuer with a chain of two delegations, a federation connection; then the root is
 * suspended, the framework retired, a schema deprecated — and the signed entries still verify.
 */
class RegistryDomainScenarioIntegrationTest extends IntegrationTest {

    private String activeIssuer(String registry, List<String> schemas) {
        String id = register("issuers", registry, did("issuer"), schemas);
        assertThat(changeStatus("issuers", id, "ACTIVE", null).status()).isEqualTo(200);
        return id;
    }

    @Test
    void a_registry_domain_from_framework_to_signed_entries() {
        String framework = api.post("/v2/trust-frameworks", Api.json(Map.of("name", unique("Scenario framework "),
                "version", "1.0")), ADMIN_KEY).id();
        String education = api.post("/v2/registries", Api.json(Map.of("name", unique("Education "),
                "ecosystemDid", did("edu"), "trustFrameworkId", framework)), ADMIN_KEY).id();
        String health = createRegistry();
        String degreeType = unique("DegreeCredential");
        String degree = createSchema(education, degreeType);
        String transcript = createSchema(education, unique("TranscriptCredential"));

        String root = activeIssuer(education, List.of(degree, transcript));
        String faculty = activeIssuer(education, List.of());
        String department = activeIssuer(education, List.of());
        String first = api.post("/v2/issuers/" + root + "/delegations", Api.json(Map.of("delegateIssuerId", faculty,
                "credentialTypes", List.of(degree))), ADMIN_KEY).id();
        String second = api.post("/v2/issuers/" + faculty + "/delegations", Api.json(Map.of(
                "delegateIssuerId", department, "credentialTypes", List.of(degree))), ADMIN_KEY).id();
        assertThat(api.get("/v2/issuers/" + department + "/delegation-chain", null).json().get("chains").get(0))
                .hasSize(2);

        String healthDid = api.get("/v2/registries/" + health, null).json().get("ecosystemDid").asString();
        Api.Response federation = api.post("/v2/registries/" + education + "/federation", Api.json(Map.of(
                "remoteRegistryDid", healthDid, "remoteRegistryType", "toip", "trustLevel", "high",
                "recognitions", List.of(Map.of("action", "verify", "resource", degreeType)))), ADMIN_KEY);
        assertThat(federation.status()).isEqualTo(201);
        String educationDid = api.get("/v2/registries/" + education, null).json().get("ecosystemDid").asString();
        assertThat(api.post("/v2/recognition", Api.json(Map.of("authority_id", educationDid, "entity_id", healthDid,
                "action", "verify", "resource", degreeType)), null).json().get("recognized").asBoolean()).isTrue();

        // suspending the root ends both delegations below it
        assertThat(changeStatus("issuers", root, "SUSPENDED", "accreditation review").status()).isEqualTo(200);
        awaitProjections();
        assertThat(api.get("/v2/issuers/" + root + "/delegations/" + first, null).json().get("status").asString())
                .isEqualTo("LAPSED");
        assertThat(api.get("/v2/issuers/" + department + "/delegations/" + second, null).json().get("status")
                .asString()).isEqualTo("LAPSED");

        // a retired framework takes no new references
        api.patch("/v2/trust-frameworks/" + framework + "/status", Api.json(Map.of("status", "DEPRECATED",
                "reason", "v2")), ADMIN_KEY);
        api.patch("/v2/trust-frameworks/" + framework + "/status", Api.json(Map.of("status", "RETIRED",
                "reason", "gone")), ADMIN_KEY);
        assertThat(api.put("/v2/registries/" + health + "/trust-framework", Api.json(Map.of("trustFrameworkId",
                framework)), ADMIN_KEY).status()).isEqualTo(409);

        // a deprecated schema is authorized for no one new, existing authorizations stay
        api.patch("/v2/schemas/" + transcript + "/status", Api.json(Map.of("status", "DEPRECATED", "reason", "old")),
                ADMIN_KEY);
        assertThat(api.post("/v2/issuers/" + faculty + "/credential-types", Api.json(Map.of("schemaId", transcript)),
                ADMIN_KEY).status()).isEqualTo(409);
        assertThat(api.get("/v2/issuers/" + root, null).json().get("credentialTypes")).hasSize(2);

        // every audit row of these changes names its actor
        JsonNode audit = api.get("/v2/audit-log?resourceId=" + framework, ADMIN_KEY).json().get("items");
        audit.forEach(row -> assertThat(row.get("actorId").asString()).isNotBlank());

        // the root's signed entry says SUSPENDED and verifies against the registry's key
        JsonNode entry = api.get("/v2/issuers/" + root + "/entry", null).json();
        assertThat(entry.get("payload").get("status").asString()).isEqualTo("SUSPENDED");
        JsonNode verified = api.post("/v2/entries/verify", Api.json(Map.of("entry", entry.get("entry").asString())),
                null).json();
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("current").asBoolean()).isTrue();
        assertThat(api.get("/v2/registries/" + education + "/did.json", null).json().get("verificationMethod")
                .get(0).get("id").asString()).isEqualTo(entry.get("kid").asString());
    }
}
