package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Ayra TRQP profile's extension endpoints: shapes as the profile says, "at time" from the history. */
class AyraProfileIntegrationTest extends IntegrationTest {

    private String registry;
    private String authority;
    private String type;
    private String schema;

    @BeforeEach
    void ecosystem() {
        registry = createRegistry();
        authority = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        type = unique("MembershipCredential");
        schema = createSchema(registry, type);
    }

    private JsonNode ok(String path) {
        Api.Response response = api.get(path, null);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    private void problem(String path, int status) {
        Api.Response response = api.get(path, null);
        assertThat(response.status()).as(path + " " + response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** The entity's authorizations at a time (null: now), each checked against the TRQP schema. */
    private List<String> authorizations(String did, Instant time) {
        JsonNode answers = ok("/v2/entities/" + did + "/authorizations" + (time == null ? "" : "?time=" + time));
        List<String> granted = new ArrayList<>();
        for (JsonNode answer : answers) {
            assertThat(TrqpSchemas.violations("authorization_response", answer)).as(answer.toString()).isEmpty();
            assertThat(answer.get("authorized").asBoolean()).isTrue();
            assertThat(answer.get("entity_id").asString()).isEqualTo(did.replace("%25", "%"));
            if (time != null) {
                assertThat(answer.get("time_requested").asString()).isEqualTo(time.toString());
            } else {
                assertThat(answer.has("time_requested")).isFalse();
            }
            granted.add(answer.get("authority_id").asString() + " " + answer.get("action").asString() + " "
                    + answer.get("resource").asString());
        }
        return granted;
    }

    private List<String> entityIds(String query) {
        JsonNode list = ok("/v2/entities?" + query);
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("entity_id").asString()));
        return ids;
    }

    private List<Instant> transitions(String kind, String id) {
        JsonNode history = api.get("/v2/" + kind + "/" + id + "/status-history", null).json();
        List<Instant> times = new ArrayList<>();
        history.forEach(row -> times.add(Instant.parse(row.get("effectiveAt").asString())));
        return times;
    }

    private static Instant between(Instant a, Instant b) {
        return a.plusMillis(java.time.Duration.between(a, b).toMillis() / 2);
    }

    @Test
    void metadata_describes_the_registry_of_an_authority() {
        String issuerDid = did("meta");
        register("issuers", registry, issuerDid, List.of(schema));
        awaitProjections();
        JsonNode metadata = ok("/v2/metadata?authority_id=" + authority);
        assertThat(metadata.get("id").asString()).isEqualTo(authority);
        assertThat(metadata.get("authority_id").asString()).isEqualTo(authority);
        assertThat(metadata.get("name").asString()).isEqualTo(api.get("/v2/registries/" + registry, null).json()
                .get("name").asString());
        assertThat(metadata.get("description").asString()).isNotBlank().hasSizeLessThanOrEqualTo(4096);
        assertThat(metadata.get("supported_did_methods").toString()).contains("\"web\"");
        assertThat(AyraSchemas.violations("TrustRegistryMetadata", metadata)).as(metadata.toString()).isEmpty();
        problem("/v2/metadata?authority_id=" + did("nowhere"), 404);
    }

    /**
     * The Ayra Forum's smoke test (tests/api_conformance_test.py) asks GET /metadata without authority_id
     * and wants 200 with id, name and description: with several registries that is the service itself.
     */
    @Test
    void metadata_without_an_authority_describes_the_service_and_the_ecosystems_it_serves() {
        String second = createRegistry();
        String secondAuthority = api.get("/v2/registries/" + second, null).json().get("ecosystemDid").asString();
        String retired = createRegistry();
        String retiredAuthority = api.get("/v2/registries/" + retired, null).json().get("ecosystemDid").asString();
        assertThat(changeStatus("registries", retired, "RETIRED", "closed").status()).isEqualTo(200);
        String suspended = createRegistry();
        String suspendedAuthority = api.get("/v2/registries/" + suspended, null).json().get("ecosystemDid").asString();
        assertThat(changeStatus("registries", suspended, "SUSPENDED", "audit").status()).isEqualTo(200);
        register("issuers", registry, DidKeys.randomEd25519(), List.of(schema));
        awaitProjections();
        long served = jdbc.sql("SELECT count(*) FROM trust_registries WHERE status <> 'RETIRED'")
                .query(Long.class).single();
        assertThat(served).isGreaterThanOrEqualTo(3);

        JsonNode metadata = ok("/v2/metadata");

        assertThat(AyraSchemas.violations("TrustRegistryMetadata", metadata)).as(metadata.toString()).isEmpty();
        assertThat(AyraSchemas.violations("TrustRegistryMetadata", Api.parse("{\"id\":\"x\",\"ecosystems\":[]}")))
                .as("the schema bites: name and description missing, no other members").hasSize(3);
        assertThat(metadata.get("id").asString()).as("the TRQP endpoint, no id being configured")
                .matches("http://localhost:[0-9]+/v2");
        assertThat(metadata.get("name").asString()).isEqualTo("Trust Registry");
        assertThat(metadata.has("authority_id")).as("no single primary authority").isFalse();
        String description = metadata.get("description").asString();
        assertThat(description).contains("issue and verify").contains(served + ", newest first")
                .contains(suspendedAuthority + " (" + api.get("/v2/registries/" + suspended, null).json()
                        .get("name").asString() + ", suspended)")
                .contains(secondAuthority).contains(authority).doesNotContain(retiredAuthority);
        assertThat(description.indexOf(suspendedAuthority)).as("newest first")
                .isLessThan(description.indexOf(secondAuthority));
        assertThat(metadata.get("supported_did_methods").toString()).contains("\"web\"").contains("\"key\"");
        assertThat(ok("/v2/metadata?authority_id=" + secondAuthority).get("id").asString())
                .as("with authority_id, that registry").isEqualTo(secondAuthority);
    }

    @Test
    void metadata_names_the_linked_governance_framework() {
        Api.Response framework = api.post("/v2/trust-frameworks", Api.json(Map.of("name", unique("Framework "),
                "version", "1.0", "governanceFrameworkUrl", "https://example.org/egf")), ADMIN_KEY);
        assertThat(framework.status()).as(framework.toString()).isEqualTo(201);
        Api.Response linked = api.put("/v2/registries/" + registry + "/trust-framework",
                Api.json(Map.of("trustFrameworkId", framework.id())), ADMIN_KEY);
        assertThat(linked.status()).as(linked.toString()).isBetween(200, 204);
        awaitProjections();
        assertThat(ok("/v2/metadata?authority_id=" + authority).get("governance_framework_id").asString())
                .isEqualTo(framework.id());
    }

    @Test
    void an_entity_shows_its_registrations_and_directory_entry() {
        String did = did("ent");
        String issuer = register("issuers", registry, did, List.of(schema));
        changeStatus("issuers", issuer, "ACTIVE", null);
        register("verifiers", registry, did, List.of(schema));
        awaitProjections();
        JsonNode entity = ok("/v2/entities/" + did);
        assertThat(entity.get("entity_id").asString()).isEqualTo(did);
        assertThat(entity.get("registrations")).hasSize(2);
        JsonNode first = entity.get("registrations").get(0);
        assertThat(first.get("authority_id").asString()).isEqualTo(authority);
        assertThat(first.get("type").asString()).isEqualTo("issuer");
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.has("valid_from")).isTrue();
        assertThat(first.has("valid_until")).isTrue();
        assertThat(first.get("credential_types").get(0).asString()).isEqualTo(type);
        assertThat(entity.get("registrations").get(1).get("status").asString()).isEqualTo("PENDING");
        assertThat(entity.get("did_directory").get("did_method").asString()).isEqualTo("web");
        assertThat(entity.get("did_directory").get("roles").toString()).contains("issuer");
        problem("/v2/entities/" + did("nobody"), 404);

        String withPort = "did:web:" + unique("port") + ".example%3A8443"; // a % in a path arrives decoded once
        changeStatus("issuers", register("issuers", registry, withPort, List.of(schema)), "ACTIVE", null);
        awaitProjections();
        String encoded = withPort.replace("%", "%25");
        assertThat(ok("/v2/entities/" + encoded).get("entity_id").asString()).isEqualTo(withPort);
        assertThat(authorizations(encoded, null)).containsExactly(authority + " issue " + type);
        problem("/v2/entities/" + did("nobody") + "/authorizations", 404);
    }

    @Test
    void authorizations_are_those_held_at_the_time_asked() throws Exception {
        String did = did("past");
        String issuer = register("issuers", registry, did, List.of(schema));
        changeStatus("issuers", issuer, "ACTIVE", null);
        String verifier = register("verifiers", registry, did, List.of(schema));
        changeStatus("verifiers", verifier, "ACTIVE", null);
        Thread.sleep(30);
        changeStatus("issuers", issuer, "SUSPENDED", "audit");
        awaitProjections();
        List<Instant> t = transitions("issuers", issuer); // registered, activated, suspended
        Instant both = between(transitions("verifiers", verifier).get(1), t.get(2)); // both active

        assertThat(authorizations(did, both))
                .containsExactly(authority + " issue " + type, authority + " verify " + type);
        assertThat(authorizations(did, null)).containsExactly(authority + " verify " + type);
        assertThat(authorizations(did, t.get(0).minusSeconds(60))).isEmpty();

        String at = "authority_id=" + authority + "&action=issue&resource=" + type;
        assertThat(entityIds(at + "&time=" + both)).containsExactly(did);
        assertThat(entityIds(at)).isEmpty();
        assertThat(entityIds("authority_id=" + authority + "&action=verify&resource=" + type)).containsExactly(did);
    }

    @Test
    void authorizations_through_a_delegation_count() {
        String root = register("issuers", registry, did("root"), List.of(schema));
        changeStatus("issuers", root, "ACTIVE", null);
        String leafDid = did("leaf");
        String leaf = register("issuers", registry, leafDid, List.of());
        changeStatus("issuers", leaf, "ACTIVE", null);
        Api.Response delegated = api.post("/v2/issuers/" + root + "/delegations",
                Api.json(Map.of("delegateIssuerId", leaf, "credentialTypes", List.of(schema))), ADMIN_KEY);
        assertThat(delegated.status()).as(delegated.toString()).isEqualTo(201);
        awaitProjections();
        assertThat(authorizations(leafDid, null)).containsExactly(authority + " issue " + type);
        assertThat(entityIds("authority_id=" + authority + "&action=issue&resource=" + type)).contains(leafDid);
    }

    @Test
    void the_entity_list_is_paged_and_checks_its_parameters() {
        List<String> dids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String did = did("list" + i);
            dids.add(did);
            changeStatus("issuers", register("issuers", registry, did, List.of(schema)), "ACTIVE", null);
        }
        register("issuers", registry, did("pending"), List.of(schema)); // not active: not listed
        awaitProjections();
        JsonNode all = ok("/v2/entities?authority_id=" + authority);
        assertThat(all.get("pagination").get("total").asInt()).isEqualTo(3);
        assertThat(all.get("pagination").get("limit").asInt()).isEqualTo(100);
        assertThat(all.get("pagination").get("offset").asInt()).isEqualTo(0);
        JsonNode item = all.get("items").get(0);
        assertThat(item.get("authority_id").asString()).isEqualTo(authority);
        assertThat(item.get("type").asString()).isEqualTo("issuer");
        assertThat(item.get("name").asString()).startsWith("Entity ");
        assertThat(entityIds("authority_id=" + authority)).containsExactlyElementsOf(dids.stream().sorted().toList());
        JsonNode page = ok("/v2/entities?authority_id=" + authority + "&limit=2&offset=2");
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("pagination").get("total").asInt()).isEqualTo(3);
        assertThat(entityIds("authority_id=" + authority + "&time=2000-01-01T00:00:00Z")).isEmpty();

        for (String bad : List.of("limit=0", "limit=1001", "limit=x", "offset=-1", "action=issue",
                "resource=" + type, "time=2026-01-31T12:00:00%2B02:00", "time=yesterday")) {
            problem("/v2/entities?authority_id=" + authority + "&" + bad, 400);
        }
        problem("/v2/entities?authority_id=" + did("nowhere"), 404);
        problem("/v2/entities/" + dids.get(0) + "/authorizations?time=2026-01-31T12:00:00%2B02:00", 400);
    }

    @Test
    void an_ecosystem_and_its_recognitions_at_a_time() throws Exception {
        String remote = did("remote");
        String connection = api.post("/v2/registries/" + registry + "/federation", Api.json(Map.of(
                "remoteRegistryDid", remote, "remoteRegistryType", "toip", "trustLevel", "high",
                "recognitions", List.of(Map.of("action", "issue", "resource", type),
                        Map.of("action", "verify", "resource", type)))), ADMIN_KEY).id();
        Thread.sleep(30);
        Instant whileActive = Instant.now();
        Thread.sleep(30);
        api.patch("/v2/registries/" + registry + "/federation/" + connection + "/status",
                Api.json(Map.of("status", "SUSPENDED", "reason", "review")), ADMIN_KEY);
        awaitProjections();

        JsonNode ecosystem = ok("/v2/ecosystems/" + authority);
        assertThat(ecosystem.get("ecosystem_id").asString()).isEqualTo(authority);
        assertThat(ecosystem.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(ecosystem.get("credential_types").get(0).asString()).isEqualTo(type);
        assertThat(ecosystem.get("federation").get(0).get("ecosystem_id").asString()).isEqualTo(remote);

        JsonNode then = ok("/v2/ecosystems/" + authority + "/recognitions?time=" + whileActive);
        assertThat(then).hasSize(2);
        for (JsonNode answer : then) {
            assertThat(TrqpSchemas.violations("recognition_response", answer)).as(answer.toString()).isEmpty();
            assertThat(answer.get("entity_id").asString()).isEqualTo(remote);
            assertThat(answer.get("authority_id").asString()).isEqualTo(authority);
            assertThat(answer.get("recognized").asBoolean()).isTrue();
            assertThat(answer.get("time_requested").asString()).isEqualTo(whileActive.toString());
        }
        assertThat(then.get(0).get("action").asString()).isEqualTo("issue");
        assertThat(then.get(1).get("action").asString()).isEqualTo("verify");
        assertThat(ok("/v2/ecosystems/" + authority + "/recognitions")).as("suspended now").isEmpty();
        problem("/v2/ecosystems/" + did("nowhere"), 404);
        problem("/v2/ecosystems/" + did("nowhere") + "/recognitions", 404);
        problem("/v2/ecosystems/" + authority + "/recognitions?time=2026-01-31T12:00:00%2B01:00", 400);
    }

    @Test
    void lookups_list_authorizations_and_did_methods() {
        String retired = createSchema(registry, unique("OldCredential"));
        api.patch("/v2/schemas/" + retired + "/status", Api.json(Map.of("status", "DEPRECATED", "reason", "old")),
                ADMIN_KEY);
        register("issuers", registry, did("lookup"), List.of(schema));
        register("verifiers", registry, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", List.of(schema));
        awaitProjections();
        JsonNode authorizations = ok("/v2/lookups/authorizations?authority_id=" + authority);
        assertThat(authorizations).hasSize(2);
        assertThat(authorizations.get(0).get("action").asString()).isEqualTo("issue");
        assertThat(authorizations.get(0).get("resource").asString()).isEqualTo(type);
        assertThat(authorizations.get(0).get("description").asString()).contains(type);
        assertThat(authorizations.get(1).get("action").asString()).isEqualTo("verify");
        assertThat(ok("/v2/lookups/authorizations").toString()).contains(type);
        problem("/v2/lookups/authorizations?authority_id=" + did("nowhere"), 404);

        JsonNode methods = ok("/v2/lookups/didMethods?authority_id=" + authority);
        List<String> identifiers = new ArrayList<>();
        methods.forEach(method -> {
            identifiers.add(method.get("identifier").asString());
            assertThat(method.get("authority_id").asString()).isEqualTo(authority);
        });
        assertThat(identifiers).contains("did:web", "did:key");
        assertThat(ok("/v2/lookups/didMethods").toString()).contains("did:web");
        problem("/v2/lookups/didMethods?authority_id=" + did("nowhere"), 404);

        Api.Response levels = api.get("/v2/lookups/assuranceLevels", null);
        assertThat(levels.status()).isEqualTo(501);
        assertThat(levels.contentType()).startsWith("application/problem+json");
        assertThat(levels.json().get("detail").asString()).contains("assurance levels are not modelled");
    }
}
