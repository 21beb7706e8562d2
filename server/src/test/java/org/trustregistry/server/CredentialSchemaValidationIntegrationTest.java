package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A credential schema's JSON Schema is checked when stored, and credentials are validated against it. */
class CredentialSchemaValidationIntegrationTest extends IntegrationTest {

    private static final Map<String, Object> DEGREE_SCHEMA = Map.of(
            "$schema", "https://json-schema.org/draft/2020-12/schema",
            "type", "object",
            "required", List.of("type", "credentialSubject"),
            "properties", Map.of(
                    "type", Map.of("type", "array", "items", Map.of("type", "string")),
                    "issuanceDate", Map.of("type", "string", "format", "date-time"),
                    "credentialSubject", Map.of("type", "object", "required", List.of("id", "degree"),
                            "properties", Map.of("id", Map.of("type", "string"),
                                    "degree", Map.of("type", "string", "minLength", 2)))));

    private String registerSchema(String registry, Map<String, Object> jsonSchema) {
        Api.Response created = api.post("/v2/schemas", Api.json(Map.of("registryId", registry,
                "name", "Degree", "version", "1.0", "type", unique("DegreeCredential"), "jsonSchema", jsonSchema)),
                ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Api.Response validate(String schemaId, Object credential, String key) {
        return api.post("/v2/schemas/" + schemaId + "/validate", Api.json(java.util.Collections.singletonMap(
                "credential", credential)), key);
    }

    private static List<String> fields(Api.Response problem) {
        return problem.json().get("errors").findValuesAsString("field");
    }

    @Test
    void registering_an_invalid_json_schema_is_400_listing_every_meta_schema_violation() {
        String registry = createRegistry();
        long before = eventsButRefusals();
        Api.Response refused = api.post("/v2/schemas", Api.json(Map.of("registryId", registry, "name", "Broken",
                "type", unique("BrokenCredential"), "jsonSchema", Map.of("type", "objekt", "required", "id"))),
                ADMIN_KEY);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).hasSizeGreaterThanOrEqualTo(2).containsOnly("jsonSchema");
        assertThat(refused.json().get("errors").findValuesAsString("message"))
                .anyMatch(m -> m.startsWith("$.type:")).anyMatch(m -> m.startsWith("$.required:"));
        assertThat(eventsButRefusals())
                .as("nothing was stored").isEqualTo(before);
    }

    @Test
    void an_unknown_schema_dialect_is_400_and_draft_07_is_accepted() {
        String registry = createRegistry();
        Api.Response unknown = api.post("/v2/schemas", Api.json(Map.of("registryId", registry, "name", "X",
                "type", unique("X"), "jsonSchema", Map.of("$schema", "https://example.com/dialect"))), ADMIN_KEY);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("not a supported dialect");

        String draft7 = registerSchema(registry, Map.of("$schema", "http://json-schema.org/draft-07/schema#",
                "type", "object", "required", List.of("credentialSubject"),
                "definitions", Map.of("subject", Map.of("type", "object")),
                "properties", Map.of("credentialSubject", Map.of("$ref", "#/definitions/subject"))));
        JsonNode result = validate(draft7, Map.of("credentialSubject", "a string"), null).json();
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("errors").get(0).get("path").asString()).isEqualTo("$.credentialSubject");
    }

    @Test
    void updating_to_an_invalid_json_schema_is_400_and_keeps_the_old_one() {
        String schema = registerSchema(createRegistry(), DEGREE_SCHEMA);
        Api.Response refused = api.put("/v2/schemas/" + schema, Api.json(Map.of("name", "Degree",
                "jsonSchema", Map.of("properties", Map.of("degree", Map.of("minLength", -1))))), ADMIN_KEY);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fields(refused)).containsOnly("jsonSchema");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .startsWith("$.properties.degree.minLength");
        Api.Response remoteRef = api.put("/v2/schemas/" + schema, Api.json(Map.of("name", "Degree",
                "jsonSchema", Map.of("$ref", "https://example.com/elsewhere.json"))), ADMIN_KEY);
        assertThat(remoteRef.status()).as("references are never fetched").isEqualTo(400);
        assertThat(api.get("/v2/schemas/" + schema, null).json().get("jsonSchema").get("required").size())
                .isEqualTo(2);

        assertThat(api.put("/v2/schemas/" + schema, Api.json(Map.of("name", "Degree", "jsonSchema",
                Map.of("type", "object", "required", List.of("proof")))), ADMIN_KEY).status()).isEqualTo(200);
        assertThat(validate(schema, Map.of("type", List.of("VerifiableCredential")), null).json()
                .get("errors").get(0).get("message").asString()).contains("proof");
    }

    @Test
    void a_valid_credential_is_valid() {
        String schema = registerSchema(createRegistry(), DEGREE_SCHEMA);
        Api.Response response = validate(schema, Map.of("type", List.of("VerifiableCredential"),
                "issuanceDate", "2026-01-31T12:00:00Z",
                "credentialSubject", Map.of("id", "did:web:alice.example", "degree", "BSc")), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("valid").asBoolean()).isTrue();
        assertThat(response.json().get("errors")).isEmpty();
    }

    @Test
    void every_error_of_an_invalid_credential_is_listed_with_its_json_path() {
        String schema = registerSchema(createRegistry(), DEGREE_SCHEMA);
        Api.Response response = validate(schema, Map.of("type", List.of("VerifiableCredential", 7),
                "issuanceDate", "yesterday",
                "credentialSubject", Map.of("degree", 42)), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("valid").asBoolean()).isFalse();
        assertThat(response.json().get("errors").findValuesAsString("path")).contains("$.credentialSubject.degree",
                "$.credentialSubject", "$.type[1]", "$.issuanceDate");
        assertThat(response.json().get("errors").findValuesAsString("message")).allMatch(m -> !m.isBlank());

        JsonNode notAnObject = validate(schema, "just a string", null).json();
        assertThat(notAnObject.get("valid").asBoolean()).isFalse();
        assertThat(notAnObject.get("errors").get(0).get("path").asString()).isEqualTo("$");
        assertThat(validate(schema, null, null).json().get("valid").asBoolean()).as("JSON null is a value").isFalse();
    }

    @Test
    void validating_against_an_unknown_schema_is_404() {
        Api.Response response = validate(UUID.randomUUID().toString(), Map.of(), null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/v2/schemas/not-a-uuid/validate", "{\"credential\":{}}", null).status()).isEqualTo(400);
    }

    @Test
    void a_validation_request_without_a_credential_is_400() {
        String schema = registerSchema(createRegistry(), DEGREE_SCHEMA);
        Api.Response missing = api.post("/v2/schemas/" + schema + "/validate", "{}", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("credential");
        assertThat(api.post("/v2/schemas/" + schema + "/validate", "{\"credential\": ", null).status())
                .isEqualTo(400);
    }

    @Test
    void validation_is_public_but_schema_writes_need_a_key() {
        String schema = registerSchema(createRegistry(), DEGREE_SCHEMA);
        assertThat(validate(schema, Map.of(), null).status()).isEqualTo(200);
        assertThat(api.put("/v2/schemas/" + schema, Api.json(Map.of("name", "X", "jsonSchema", Map.of())), null)
                .status()).isEqualTo(401);
        assertThat(api.post("/v2/schemas", Api.json(Map.of("registryId", UUID.randomUUID().toString(), "name", "X",
                "type", "X", "jsonSchema", Map.of())), null).status()).isEqualTo(401);
    }

    @Test
    void issuer_and_verifier_modes_are_stored_shown_and_updated() {
        String registry = createRegistry();
        for (String mode : List.of("OPEN", "ECOSYSTEM", "GRANTOR")) {
            Api.Response created = api.post("/v2/schemas", Api.json(Map.of("registryId", registry, "name", "M",
                    "type", unique("ModeCredential"), "jsonSchema", Map.of(), "issuerMode", mode,
                    "verifierMode", mode)), ADMIN_KEY);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("issuerMode").asString()).isEqualTo(mode);
            JsonNode read = api.get("/v2/schemas/" + created.id(), null).json();
            assertThat(read.get("issuerMode").asString()).isEqualTo(mode);
            assertThat(read.get("verifierMode").asString()).isEqualTo(mode);
        }
        String defaulted = registerSchema(registry, Map.of());
        JsonNode read = api.get("/v2/schemas/" + defaulted, null).json();
        assertThat(read.get("issuerMode").asString()).as("OPEN unless said otherwise").isEqualTo("OPEN");
        assertThat(read.get("verifierMode").asString()).isEqualTo("OPEN");

        assertThat(api.put("/v2/schemas/" + defaulted, Api.json(Map.of("name", "Degree", "jsonSchema", Map.of(),
                "issuerMode", "GRANTOR", "verifierMode", "ECOSYSTEM")), ADMIN_KEY).status()).isEqualTo(200);
        read = api.get("/v2/schemas/" + defaulted, null).json();
        assertThat(read.get("issuerMode").asString()).isEqualTo("GRANTOR");
        assertThat(read.get("verifierMode").asString()).isEqualTo("ECOSYSTEM");
        assertThat(api.post("/v2/schemas", Api.json(Map.of("registryId", registry, "name", "M", "type", "M",
                "jsonSchema", Map.of(), "issuerMode", "WHOEVER")), ADMIN_KEY).status()).isEqualTo(400);
    }
}
