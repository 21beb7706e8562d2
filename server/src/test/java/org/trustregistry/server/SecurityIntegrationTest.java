package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;

class SecurityIntegrationTest extends IntegrationTest {

    @Autowired
    private ApiKeys keys;

    private String body() {
        return Api.json(Map.of("name", "Secured", "ecosystemDid", did("sec")));
    }

    @Test
    void writes_without_a_key_are_401() {
        Api.Response response = api.post("/v2/registries", body(), null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void a_wrong_key_is_401_even_on_public_reads() {
        assertThat(api.post("/v2/registries", body(), "trk_not-a-real-key").status()).isEqualTo(401);
        assertThat(api.get("/v2/registries", "trk_not-a-real-key").status()).isEqualTo(401);
    }

    @Test
    void the_key_may_come_as_a_bearer_token() {
        Api.Response response = api.send(api.builder("/v2/registries", null)
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body())).build());
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void an_auditor_reads_the_audit_log_but_writes_nothing() {
        String auditorKey = ApiKeys.newKey();
        keys.store("test auditor", auditorKey, Role.AUDITOR, null, "test");
        Api.Response write = api.post("/v2/registries", body(), auditorKey);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/v2/audit-log", auditorKey).status()).isEqualTo(200);
        assertThat(api.get("/v2/admin/projections", auditorKey).status()).isEqualTo(200);
        assertThat(api.post("/v2/admin/projections/audit-log/rebuild", "", auditorKey).status()).isEqualTo(403);
    }

    @Test
    void a_role_that_may_not_write_gets_403_on_every_write() {
        String auditorKey = ApiKeys.newKey();
        keys.store("auditor for writes", auditorKey, Role.AUDITOR, null, "test");
        String id = java.util.UUID.randomUUID().toString();
        java.util.List<String[]> writes = java.util.List.of(
                new String[] {"POST", "/v2/trust-frameworks"}, new String[] {"PUT", "/v2/trust-frameworks/" + id},
                new String[] {"PATCH", "/v2/trust-frameworks/" + id + "/status"},
                new String[] {"PUT", "/v2/registries/" + id + "/trust-framework"},
                new String[] {"DELETE", "/v2/registries/" + id + "/trust-framework"},
                new String[] {"POST", "/v2/registries/" + id + "/keys/rotate"},
                new String[] {"POST", "/v2/registries/" + id + "/federation"},
                new String[] {"PATCH", "/v2/registries/" + id + "/federation/" + id + "/status"},
                new String[] {"POST", "/v2/schemas"}, new String[] {"PATCH", "/v2/schemas/" + id + "/status"},
                new String[] {"POST", "/v2/issuers/" + id + "/delegations"},
                new String[] {"DELETE", "/v2/issuers/" + id + "/delegations/" + id},
                new String[] {"PUT", "/v2/dids/did:web:x.example"}, new String[] {"POST", "/v2/dids/did:web:x.example/resolve"},
                new String[] {"POST", "/v2/verifiers"}, new String[] {"PATCH", "/v2/verifiers/" + id + "/status"});
        for (String[] write : writes) {
            Api.Response response = api.send(api.builder(write[1], auditorKey).header("Content-Type", "application/json")
                    .method(write[0], java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(response.status()).as(write[0] + " " + write[1]).isEqualTo(403);
        }
    }

    @Test
    void the_audit_log_and_administration_are_not_public() {
        assertThat(api.get("/v2/audit-log", null).status()).isEqualTo(401);
        assertThat(api.get("/v2/admin/projections", null).status()).isEqualTo(401);
        assertThat(api.post("/v2/admin/projections/issuers/rebuild", "", null).status()).isEqualTo(401);
    }

    @Test
    void reads_of_registry_records_are_public() {
        for (String path : new String[] {"/v2/registries", "/v2/schemas", "/v2/issuers", "/v2/verifiers", "/v2/dids"}) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void prometheus_metrics_need_an_auditor_or_admin_key_while_health_stays_public() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);

        Api.Response anonymous = api.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.text()).doesNotContain("jvm_");
        String auditor = ApiKeys.newKey();
        keys.store("metrics auditor", auditor, Role.AUDITOR, null, "test");
        String owner = ApiKeys.newKey();
        keys.store("metrics owner", owner, Role.REGISTRY_OWNER, java.util.UUID.fromString(createRegistry()), "test");
        assertThat(api.get("/actuator/prometheus", owner).status()).isEqualTo(403);
        for (String key : new String[] {auditor, ADMIN_KEY}) {
            Api.Response metrics = api.get("/actuator/prometheus", key);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.text()).contains("jvm_memory_used_bytes");
        }
        // the same endpoint written otherwise is not a way around the key
        for (String path : new String[] {"/actuator/prometheus/", "/actuator/%70rometheus", "/%61ctuator/prometheus",
                "/actuator/health/../prometheus", "/actuator/./prometheus", "//actuator/prometheus",
                "/actuator;a=b/prometheus", "/actuator/prometheus;a=b", "/actuator/health/%2e%2e/prometheus",
                "/actuator", "/actuator/info", "/actuator/metrics"}) {
            Api.Response response = api.get(path, null);
            assertThat(response.status()).as(path).isNotEqualTo(200);
            assertThat(response.text()).as(path).doesNotContain("jvm_");
        }
    }

    @Test
    void a_percent_encoded_path_is_judged_as_the_container_decodes_it() {
        assertThat(api.get("/%762/audit-log", null).status()).isEqualTo(401);
        assertThat(api.get("/v2/%61udit-log", null).status()).isEqualTo(401);
        long registries = eventsButRefusals();
        assertThat(api.post("/%762/registries", body(), null).status()).isEqualTo(401);
        assertThat(api.post("/v2/registrie%73", body(), null).status()).isEqualTo(401);
        assertThat(eventsButRefusals())
                .as("nothing written").isEqualTo(registries);
        assertThat(api.get("/v2/dids/did:web:x.example%253A8443", null).status())
                .as("an encoded octet inside a DID keeps a public read public").isEqualTo(404);
        assertThat(api.get("/v2/%72egistries", null).status()).as("an encoded name of a public route fails closed")
                .isEqualTo(401);
        assertThat(api.get("/v2/%72egistries", ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test
    void keys_are_stored_only_as_hashes() {
        assertThat(jdbc.sql("SELECT count(*) FROM api_key_secrets WHERE secret_hash = ?")
                .param(ADMIN_KEY).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE key_prefix = ?")
                .param(ADMIN_KEY).query(Long.class).single()).as("only the first characters").isZero();
        assertThat(jdbc.sql("SELECT s.secret_hash FROM api_key_secrets s JOIN api_keys k ON k.id = s.key_id "
                + "WHERE k.name = 'bootstrap admin'").query(String.class).single()).matches("[0-9a-f]{64}");
    }

    @Test
    void every_response_carries_a_request_id() {
        assertThat(api.get("/v2/registries", null).header("X-Request-ID")).isNotBlank();
        assertThat(api.post("/v2/registries", body(), null).header("X-Request-ID")).isNotBlank();
    }
}
