package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registry entries are signed (JWS, EdDSA) and verifiable by anyone holding the registry's DID document. */
class SignedEntryIntegrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Verifies with jose4j, using nothing but the published DID document. */
    private boolean verifiedIndependently(String entry, JsonNode didDocument) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(entry);
        String kid = jws.getKeyIdHeaderValue();
        for (JsonNode method : didDocument.get("verificationMethod")) {
            if (method.get("id").asString().equals(kid)) {
                Map<String, Object> jwk = JSON.convertValue(method.get("publicKeyJwk"), new TypeReference<>() {
                });
                jws.setKey(JsonWebKey.Factory.newJwk(jwk).getKey());
                return jws.verifySignature();
            }
        }
        return false;
    }

    private static String tamper(String entry, String field, String value) {
        String[] parts = entry.split("\\.");
        Map<String, Object> payload = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() {
        });
        payload.put(field, value);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @Test
    void every_state_is_signed_and_verifiable_with_the_published_did_document() throws Exception {
        String registry = createRegistry();
        String schema = createSchema(registry, unique("DegreeCredential"));
        String did = did("signed");
        String issuer = register("issuers", registry, did, List.of(schema));
        changeStatus("issuers", issuer, "ACTIVE", null);

        JsonNode entry = api.get("/v2/issuers/" + issuer + "/entry", null).json();
        String jws = entry.get("entry").asString();
        JsonNode payload = entry.get("payload");
        assertThat(payload.get("did").asString()).isEqualTo(did);
        assertThat(payload.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(payload.get("registryId").asString()).isEqualTo(registry);
        assertThat(payload.get("credentialTypes").get(0).get("schemaId").asString()).isEqualTo(schema);
        assertThat(payload.get("version").asLong()).isEqualTo(2);

        JsonNode didDocument = api.get("/v2/registries/" + registry + "/did.json", null).json();
        String ecosystemDid = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        assertThat(didDocument.get("id").asString()).isEqualTo(ecosystemDid);
        assertThat(entry.get("kid").asString()).isEqualTo(ecosystemDid + "#key-1");
        assertThat(didDocument.get("verificationMethod").get(0).get("publicKeyJwk").has("d"))
                .as("no private part published").isFalse();
        assertThat(verifiedIndependently(jws, didDocument)).isTrue();
        assertThat(verifiedIndependently(tamper(jws, "status", "REVOKED"), didDocument)).isFalse();

        JsonNode verified = api.post("/v2/entries/verify", Api.json(Map.of("entry", jws)), null).json();
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("current").asBoolean()).isTrue();
        JsonNode tampered = api.post("/v2/entries/verify",
                Api.json(Map.of("entry", tamper(jws, "did", "did:web:evil.example"))), null).json();
        assertThat(tampered.get("valid").asBoolean()).isFalse();
        assertThat(tampered.get("reason").asString()).contains("signature");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE '%\"d\":%'").query(Long.class).single()).as("no private key in any event").isZero();
    }

    @Test
    void after_a_key_rotation_old_entries_still_verify_and_new_ones_use_the_new_key() throws Exception {
        String registry = createRegistry();
        String verifier = register("verifiers", registry, did("rot"), List.of());
        changeStatus("verifiers", verifier, "ACTIVE", null);
        String before = api.get("/v2/verifiers/" + verifier + "/entry", null).json().get("entry").asString();

        Api.Response rotated = api.post("/v2/registries/" + registry + "/keys/rotate", "", ADMIN_KEY);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("signingKeyId").asString()).endsWith("#key-2");
        changeStatus("verifiers", verifier, "SUSPENDED", "check");
        JsonNode after = api.get("/v2/verifiers/" + verifier + "/entry", null).json();
        assertThat(after.get("kid").asString()).endsWith("#key-2");

        JsonNode didDocument = api.get("/v2/registries/" + registry + "/did.json", null).json();
        assertThat(didDocument.get("verificationMethod")).hasSize(2);
        assertThat(verifiedIndependently(before, didDocument)).isTrue();
        assertThat(verifiedIndependently(after.get("entry").asString(), didDocument)).isTrue();
        JsonNode old = api.post("/v2/entries/verify", Api.json(Map.of("entry", before)), null).json();
        assertThat(old.get("valid").asBoolean()).isTrue();
        assertThat(old.get("current").asBoolean()).as("superseded by a later state").isFalse();
    }

    @Test
    void an_entry_is_signed_when_first_read_with_the_key_of_its_time_and_the_same_bytes_every_time() throws Exception {
        String registry = createRegistry();
        String verifier = register("verifiers", registry, did("lazy"), List.of());
        changeStatus("verifiers", verifier, "ACTIVE", null);
        assertThat(api.post("/v2/registries/" + registry + "/keys/rotate", "", ADMIN_KEY).status()).isEqualTo(200);
        awaitProjections();
        assertThat(jdbc.sql("SELECT count(*) FROM registry_entries WHERE entity_id = ? AND entry_jws IS NULL")
                .param(UUID.fromString(verifier)).query(Long.class).single()).as("not signed yet").isEqualTo(2);

        JsonNode entry = api.get("/v2/verifiers/" + verifier + "/entry", null).json();
        String jws = entry.get("entry").asString();
        assertThat(entry.get("kid").asString()).as("the key in use when it became ACTIVE").endsWith("#key-1");
        assertThat(new JsonWebSignature() {{ setCompactSerialization(jws); }}.getKeyIdHeaderValue()).endsWith("#key-1");
        assertThat(verifiedIndependently(jws, api.get("/v2/registries/" + registry + "/did.json", null).json()))
                .isTrue();
        assertThat(jdbc.sql("SELECT entry_jws FROM registry_entries WHERE entity_id = ? ORDER BY version DESC LIMIT 1")
                .param(UUID.fromString(verifier)).query(String.class).single()).as("kept once signed").isEqualTo(jws);

        jdbc.sql("UPDATE registry_entries SET entry_jws = NULL WHERE entity_id = ?").param(UUID.fromString(verifier))
                .update();
        assertThat(api.get("/v2/verifiers/" + verifier + "/entry", null).json().get("entry").asString())
                .as("signed again: the same bytes").isEqualTo(jws);
    }

    @Test
    void bad_input_unknown_ids_and_missing_keys() {
        assertThat(api.post("/v2/entries/verify", "{}", null).status()).isEqualTo(400);
        JsonNode garbage = api.post("/v2/entries/verify", Api.json(Map.of("entry", "not.a.jws!")), null).json();
        assertThat(garbage.get("valid").asBoolean()).isFalse();
        JsonNode unknownKey = api.post("/v2/entries/verify", Api.json(Map.of("entry",
                "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDp3ZWI6eCNrZXktOSJ9.e30.AAAA")), null).json();
        assertThat(unknownKey.get("reason").asString()).contains("unknown key");
        assertThat(api.get("/v2/issuers/" + UUID.randomUUID() + "/entry", null).status()).isEqualTo(404);
        assertThat(api.get("/v2/registries/" + UUID.randomUUID() + "/did.json", null).status()).isEqualTo(404);
        assertThat(api.post("/v2/registries/" + UUID.randomUUID() + "/keys/rotate", "", ADMIN_KEY).status())
                .isEqualTo(404);
        assertThat(api.post("/v2/registries/" + createRegistry() + "/keys/rotate", "", null).status()).isEqualTo(401);
    }
}
