package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public API for wallets: only what is trusted now, compact, cacheable; and where a DID is
 * registered. The database is shared with the other tests: every check filters by what this test made.
 */
class PublicApiIntegrationTest extends IntegrationTest {

    @Test
    void only_active_records_of_active_registries_are_listed() throws Exception {
        String ecosystem = did("pub");
        String registry = createRegistry(ecosystem, unique("Public "));
        String type = unique("PublicCredential");
        String schema = createSchema(registry, type);
        String deprecated = createSchema(registry, unique("OldCredential"));
        assertThat(api.patch("/v2/schemas/" + deprecated + "/status", Api.json(Map.of("status", "DEPRECATED",
                "reason", "replaced")), ADMIN_KEY).status()).isEqualTo(200);

        String active = activeIssuer(registry, did("active"), List.of(schema), Map.of());
        String pending = register("issuers", registry, did("pending"), List.of(schema));
        String suspended = activeIssuer(registry, did("suspended"), List.of(), Map.of());
        assertThat(changeStatus("issuers", suspended, "SUSPENDED", "audit").status()).isEqualTo(200);
        String revoked = activeIssuer(registry, did("revoked"), List.of(), Map.of());
        assertThat(changeStatus("issuers", revoked, "REVOKED", "withdrawn").status()).isEqualTo(200);
        String notYetValid = activeIssuer(registry, did("future"), List.of(),
                Map.of("validFrom", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        Instant shortly = Instant.now().plusMillis(2500).truncatedTo(ChronoUnit.MICROS);
        String ended = activeIssuer(registry, did("ended"), List.of(), Map.of("validUntil", shortly.toString()));

        String activeVerifier = register("verifiers", registry, did("verifier"), List.of(schema));
        assertThat(changeStatus("verifiers", activeVerifier, "ACTIVE", null).status()).isEqualTo(200);
        register("verifiers", registry, did("pending-verifier"), List.of());
        String revokedVerifier = register("verifiers", registry, did("revoked-verifier"), List.of());
        assertThat(changeStatus("verifiers", revokedVerifier, "REVOKED", "rejected").status()).isEqualTo(200);

        String retiredEcosystem = did("retired");
        String retired = createRegistry(retiredEcosystem, unique("Retired "));
        String retiredSchema = createSchema(retired, unique("RetiredCredential"));
        activeIssuer(retired, did("orphan"), List.of(retiredSchema), Map.of());
        String suspendedRegistry = createRegistry(did("paused"), unique("Paused "));
        activeIssuer(suspendedRegistry, did("paused-issuer"), List.of(), Map.of());
        assertThat(changeStatus("registries", retired, "RETIRED", "merged").status()).isEqualTo(200);
        assertThat(changeStatus("registries", suspendedRegistry, "SUSPENDED", "audit").status()).isEqualTo(200);

        Thread.sleep(Math.max(0, shortly.toEpochMilli() - System.currentTimeMillis()) + 50);
        assertThat(api.get("/v2/issuers/" + ended, null).json().get("status").asString())
                .as("validUntil has passed, but no expiry has run yet").isEqualTo("ACTIVE");

        JsonNode issuers = api.get("/v2/public/issuers?registryId=" + registry, null).json();
        assertThat(ids(issuers)).as("not pending %s, suspended %s, revoked %s, not yet valid %s, ended %s",
                pending, suspended, revoked, notYetValid, ended).containsExactly(active);
        JsonNode issuer = issuers.get("items").get(0);
        assertThat(issuer.get("credentialTypes").get(0).get("schemaId").asString()).isEqualTo(schema);
        assertThat(issuer.get("credentialTypes").get(0).get("credentialType").asString()).isEqualTo(type);
        assertThat(issuer.has("createdBy") || issuer.has("statusReason") || issuer.has("status")
                || issuer.get("credentialTypes").get(0).has("authorizedBy")).as("no internal fields").isFalse();

        assertThat(ids(api.get("/v2/public/verifiers?registryId=" + registry, null).json()))
                .containsExactly(activeVerifier);
        assertThat(ids(api.get("/v2/public/schemas?registryId=" + registry, null).json())).containsExactly(schema);

        JsonNode registries = api.get("/v2/public/registries?ecosystemDid=" + ecosystem, null).json();
        assertThat(ids(registries)).containsExactly(registry);
        assertThat(registries.get("items").get(0).has("createdBy")).isFalse();
        assertThat(registries.get("items").get(0).has("statusReason")).isFalse();

        assertThat(ids(api.get("/v2/public/registries?ecosystemDid=" + retiredEcosystem, null).json())).isEmpty();
        assertThat(ids(api.get("/v2/public/schemas?registryId=" + retired, null).json())).isEmpty();
        assertThat(ids(api.get("/v2/public/issuers?registryId=" + retired, null).json())).isEmpty();
        assertThat(ids(api.get("/v2/public/issuers?registryId=" + suspendedRegistry, null).json())).isEmpty();
    }

    @Test
    void lists_are_filtered_and_paged_with_the_usual_limits() {
        String registry = createRegistry();
        String marker = "Qwzx" + unique("").substring(0, 6);
        String degreeType = unique("DegreeCredential");
        String degree = createSchema(registry, degreeType);
        String other = createSchema(registry, unique("OtherCredential"));
        String first = activeIssuer(registry, did("a"), List.of(degree), Map.of("name", marker + " Alpha University"));
        String secondDid = did("b");
        String second = activeIssuer(registry, secondDid, List.of(degree, other),
                Map.of("name", marker + " Beta College"));
        String third = activeIssuer(registry, did("c"), List.of(other), Map.of("name", "Zeta Institute"));

        String base = "/v2/public/issuers?registryId=" + registry;
        assertThat(ids(api.get(base, null).json())).containsExactly(first, second, third);
        assertThat(ids(api.get(base + "&credentialType=" + degreeType, null).json())).containsExactly(first, second);
        assertThat(ids(api.get(base + "&did=" + secondDid, null).json())).containsExactly(second);
        assertThat(ids(api.get(base + "&q=" + marker.toLowerCase(), null).json())).containsExactly(first, second);
        assertThat(ids(api.get(base + "&q=" + marker + "%20Alpha%20Univercity", null).json()))
                .as("trigram similarity").contains(first);

        JsonNode page = api.get(base + "&page=1&size=2", null).json();
        assertThat(ids(page)).containsExactly(third);
        assertThat(page.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(2);
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(2);

        assertThat(ids(api.get("/v2/public/schemas?registryId=" + registry + "&type=" + degreeType, null).json()))
                .containsExactly(degree);
        assertThat(api.get("/v2/public/schemas?registryId=" + registry + "&size=500", null).status()).isEqualTo(200);

        for (String path : List.of("/v2/public/registries", "/v2/public/schemas", "/v2/public/issuers",
                "/v2/public/verifiers")) {
            Api.Response tooLarge = api.get(path + "?size=501", null);
            assertThat(tooLarge.status()).as(path).isEqualTo(400);
            assertThat(tooLarge.contentType()).startsWith("application/problem+json");
            assertThat(tooLarge.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
            assertThat(tooLarge.header("ETag")).as("no ETag on a problem").isNull();
            assertThat(api.get(path + "?page=-1", null).status()).as(path).isEqualTo(400);
        }
        for (String path : List.of("/v2/public/schemas", "/v2/public/issuers", "/v2/public/verifiers")) {
            Api.Response badId = api.get(path + "?registryId=not-a-uuid", null);
            assertThat(badId.status()).as(path).isEqualTo(400);
            assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("registryId");
        }
        assertThat(api.get("/v2/public/registries?trustFrameworkId=nope", null).status()).isEqualTo(400);
    }

    @Test
    void answers_carry_cache_headers_and_a_strong_etag_that_changes_with_the_answer() {
        String registry = createRegistry();
        String schema = createSchema(registry, unique("CachedCredential"));
        String issuer = activeIssuer(registry, did("cached"), List.of(schema), Map.of());
        String path = "/v2/public/issuers?registryId=" + registry;

        Api.Response first = api.get(path, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");
        String etag = first.header("ETag");
        assertThat(etag).as("a strong validator").startsWith("\"").endsWith("\"");
        assertThat(api.get(path, null).header("ETag")).as("same answer, same ETag").isEqualTo(etag);

        Api.Response notModified = conditionalGet(path, etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModified.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(conditionalGet(path, "\"something-else\", " + etag).status()).isEqualTo(304);
        assertThat(conditionalGet(path, "\"something-else\"").status()).isEqualTo(200);

        assertThat(api.post("/v2/issuers/" + issuer + "/credential-types",
                Api.json(Map.of("schemaId", createSchema(registry, unique("MoreCredential")))), ADMIN_KEY).status())
                .isEqualTo(200);
        Api.Response changed = conditionalGet(path, etag);
        assertThat(changed.status()).as("the answer changed").isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("items").get(0).get("credentialTypes")).hasSize(2);

        assertThat(changeStatus("issuers", issuer, "SUSPENDED", "audit").status()).isEqualTo(200);
        Api.Response empty = conditionalGet(path, changed.header("ETag"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(ids(empty.json())).isEmpty();

        for (String other : List.of("/v2/public/registries", "/v2/public/schemas?registryId=" + registry,
                "/v2/public/verifiers?registryId=" + registry)) {
            Api.Response response = api.get(other, null);
            assertThat(response.header("Cache-Control")).as(other).isEqualTo("public, max-age=60");
            assertThat(conditionalGet(other, response.header("ETag")).status()).as(other).isEqualTo(304);
        }
        assertThat(api.get("/v2/issuers/" + issuer, null).header("ETag"))
                .as("only the public API is ETagged").isNull();
    }

    @Test
    void a_did_is_looked_up_in_every_registry_that_registered_it() {
        String did = did("wallet-issuer");
        String educationDid = did("edu");
        String education = createRegistry(educationDid, unique("Education "));
        String health = createRegistry(did("health"), unique("Health "));
        String degree = createSchema(education, unique("DegreeCredential"));
        String until = "2099-01-01T00:00:00Z";
        String inEducation = activeIssuer(education, did, List.of(degree), Map.of("validUntil", until));
        String inHealth = register("issuers", health, did, List.of());
        assertThat(changeStatus("issuers", inHealth, "REVOKED", "rejected").status()).isEqualTo(200);

        Api.Response found = api.get("/v2/public/lookup/issuer/" + did, null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(conditionalGet("/v2/public/lookup/issuer/" + did, found.header("ETag")).status()).isEqualTo(304);
        JsonNode lookup = found.json();
        assertThat(lookup.get("did").asString()).isEqualTo(did);
        assertThat(lookup.get("role").asString()).isEqualTo("issuer");
        JsonNode registrations = lookup.get("registrations");
        assertThat(registrations).hasSize(2);
        JsonNode first = registrations.get(0);
        assertThat(first.get("id").asString()).isEqualTo(inEducation);
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("validUntil").asString()).isEqualTo(until);
        assertThat(first.get("credentialTypes").get(0).get("schemaId").asString()).isEqualTo(degree);
        assertThat(first.get("registry").get("id").asString()).isEqualTo(education);
        assertThat(first.get("registry").get("ecosystemDid").asString()).isEqualTo(educationDid);
        assertThat(first.get("registry").get("name").asString()).startsWith("Education ");
        assertThat(first.has("statusReason") || first.has("createdBy")).isFalse();
        assertThat(registrations.get(1).get("id").asString()).isEqualTo(inHealth);
        assertThat(registrations.get(1).get("status").asString()).isEqualTo("REVOKED");
        assertThat(registrations.get(1).get("credentialTypes")).isEmpty();

        Api.Response notAVerifier = api.get("/v2/public/lookup/verifier/" + did, null);
        assertThat(notAVerifier.status()).as("registered only as issuer").isEqualTo(404);
        assertThat(notAVerifier.contentType()).startsWith("application/problem+json");
        String verifier = register("verifiers", health, did, List.of());
        JsonNode asVerifier = api.get("/v2/public/lookup/verifier/" + did, null).json();
        assertThat(asVerifier.get("registrations").get(0).get("id").asString()).isEqualTo(verifier);
        assertThat(asVerifier.get("registrations").get(0).get("status").asString()).isEqualTo("PENDING");

        assertThat(api.get("/v2/public/lookup/issuer/" + did("nowhere"), null).status()).isEqualTo(404);
        Api.Response invalid = api.get("/v2/public/lookup/issuer/not-a-did", null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("did");
        assertThat(invalid.header("ETag")).isNull();
        assertThat(api.get("/v2/public/lookup/verifier/did:UPPER:x", null).status()).isEqualTo(400);
    }

    @Test
    void a_did_with_a_percent_encoded_octet_is_looked_up_with_its_percent_encoded() {
        String did = "did:web:" + unique("host") + ".example%3A8443";
        String registry = createRegistry();
        String id = register("issuers", registry, did, List.of());
        String path = "/v2/public/lookup/issuer/" + URLEncoder.encode(did, StandardCharsets.UTF_8);
        assertThat(path).contains("%253A8443");
        JsonNode lookup = api.get(path, null).json();
        assertThat(lookup.get("did").asString()).isEqualTo(did);
        assertThat(lookup.get("registrations").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get("/v2/public/lookup/issuer/" + did, null).status())
                .as("sent as is, %3A is decoded: another DID").isEqualTo(404);
    }

    @Test
    void the_public_api_needs_no_key_but_a_bad_key_is_still_refused() {
        String registry = createRegistry();
        String issuerDid = did("open");
        activeIssuer(registry, issuerDid, List.of(), Map.of());
        for (String path : List.of("/v2/public/registries", "/v2/public/schemas", "/v2/public/issuers",
                "/v2/public/verifiers", "/v2/public/lookup/issuer/" + issuerDid)) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, ADMIN_KEY).status()).as(path).isEqualTo(200);
            Api.Response badKey = api.get(path, "trk_not-a-real-key");
            assertThat(badKey.status()).as(path).isEqualTo(401);
            assertThat(badKey.header("ETag")).isNull();
        }
        assertThat(api.post("/v2/public/issuers", "{}", null).status()).as("reads only").isEqualTo(401);
    }

    private String createRegistry(String ecosystemDid, String name) {
        Api.Response created = api.post("/v2/registries", Api.json(Map.of("name", name, "ecosystemDid", ecosystemDid,
                "governanceAuthority", "Board")), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** Registers an issuer with some extra fields and activates it. */
    private String activeIssuer(String registryId, String did, List<String> schemaIds, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("did", did, "registryId", registryId,
                "name", unique("Issuer "), "credentialTypes", schemaIds));
        body.putAll(fields);
        Api.Response created = api.post("/v2/issuers", Api.json(body), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response activated = changeStatus("issuers", created.id(), "ACTIVE", null);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        return created.id();
    }

    private Api.Response conditionalGet(String path, String ifNoneMatch) {
        return api.send(api.builder(path, null).header("If-None-Match", ifNoneMatch).GET().build());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
