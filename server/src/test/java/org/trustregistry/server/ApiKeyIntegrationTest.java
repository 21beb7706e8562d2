package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.command.apikey.ApiKeyExpiryScheduler;

class ApiKeyIntegrationTest extends IntegrationTest {

    @Autowired
    private ApiKeyExpiryScheduler expiry;

    private static List<String> values(Api.Response page, String member) {
        List<String> values = new java.util.ArrayList<>();
        page.json().get("items").forEach(item -> values.add(item.get(member).asText()));
        return values;
    }

    private Api.Response issue(Map<String, Object> body) {
        return api.post("/v2/api-keys", Api.json(body), ADMIN_KEY);
    }

    private Api.Response issue(String role, String registryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("key-"));
        body.put("role", role);
        if (registryId != null) {
            body.put("registryId", registryId);
        }
        return issue(body);
    }

    @Test
    void an_issued_key_is_shown_once_and_stored_only_as_a_keyed_hash() throws Exception {
        Api.Response issued = issue("auditor", null);
        assertThat(issued.status()).isEqualTo(201);
        String id = issued.id();
        String key = issued.json().get("key").asText();
        assertThat(key).startsWith("trk_").hasSize(4 + 43);
        assertThat(issued.header("Location")).endsWith("/v2/api-keys/" + id);
        assertThat(issued.json().get("prefix").asText()).isEqualTo(key.substring(0, 12));
        assertThat(issued.json().get("role").asText()).isEqualTo("auditor");
        assertThat(issued.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(issued.json().get("createdBy").asText()).isNotBlank();

        assertThat(api.get("/v2/audit-log", key).status()).isEqualTo(200);

        Api.Response one = api.get("/v2/api-keys/" + id, ADMIN_KEY);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().has("key")).isFalse();
        assertThat(one.text()).doesNotContain(key);
        assertThat(api.get("/v2/api-keys?size=500", ADMIN_KEY).text()).doesNotContain(key);

        String storedHash = jdbc.sql("SELECT secret_hash FROM api_key_secrets WHERE key_id = ?::uuid").param(id)
                .query(String.class).single();
        String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(storedHash).hasSize(64).isNotEqualTo(plainSha256);
        String events = jdbc.sql("SELECT string_agg(convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8'), '') "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(String.class).single();
        assertThat(events).as("the events, which auditors read, hold neither the secret nor its hash")
                .doesNotContain(key).doesNotContain(storedHash).doesNotContain(plainSha256);
        assertThat(jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(String.class).list()).containsExactly("org.trustregistry.events.apikey.ApiKeyIssued");
    }

    @Test
    void the_bootstrap_key_is_the_first_issued_key_event() {
        List<String> first = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE payload_type = 'org.trustregistry.events.apikey.ApiKeyIssued' ORDER BY global_index LIMIT 1")
                .query(String.class).list();
        assertThat(first).hasSize(1);
        assertThat(Api.parse(first.get(0)).get("role").asText()).isEqualTo("admin");
        assertThat(Api.parse(first.get(0)).get("actor").asText()).isEqualTo("bootstrap");
    }

    @Test
    void a_revoked_key_is_refused_at_once() {
        Api.Response issued = issue("auditor", null);
        String key = issued.json().get("key").asText();
        assertThat(api.get("/v2/events", key).status()).isEqualTo(200);
        Api.Response revoked = api.delete("/v2/api-keys/" + issued.id() + "?reason=leaked", ADMIN_KEY);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("revokeReason").asText()).isEqualTo("leaked");
        Api.Response refused = api.get("/v2/events", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.delete("/v2/api-keys/" + issued.id(), ADMIN_KEY).status()).isEqualTo(409);
        Api.Response listed = api.get("/v2/api-keys/" + issued.id(), ADMIN_KEY);
        assertThat(listed.json().get("revokedAt").isNull()).isFalse();
        assertThat(listed.json().get("revokedBy").asText()).isNotBlank();
    }

    @Test
    void rotation_gives_a_new_secret_and_keeps_the_old_one_only_for_its_grace_period() {
        Api.Response issued = issue("auditor", null);
        String old = issued.json().get("key").asText();

        Api.Response graced = api.post("/v2/api-keys/" + issued.id() + "/rotate",
                Api.json(Map.of("gracePeriod", "PT1H")), ADMIN_KEY);
        assertThat(graced.status()).isEqualTo(200);
        String second = graced.json().get("key").asText();
        assertThat(second).isNotEqualTo(old).startsWith("trk_");
        assertThat(graced.json().get("id").asText()).isEqualTo(issued.id());
        assertThat(Instant.parse(graced.json().get("previousSecretValidUntil").asText()))
                .isAfter(Instant.now().plus(59, ChronoUnit.MINUTES));
        assertThat(api.get("/v2/events", old).status()).isEqualTo(200);
        assertThat(api.get("/v2/events", second).status()).isEqualTo(200);

        Api.Response immediate = api.send(api.builder("/v2/api-keys/" + issued.id() + "/rotate", ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(immediate.status()).isEqualTo(200);
        String third = immediate.json().get("key").asText();
        assertThat(api.get("/v2/events", old).status()).as("secret of an earlier grace period").isEqualTo(401);
        assertThat(api.get("/v2/events", second).status()).as("replaced without grace").isEqualTo(401);
        assertThat(api.get("/v2/events", third).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM api_key_secrets WHERE key_id = ?::uuid").param(issued.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a_key_past_its_expiry_is_refused_and_its_expiry_is_recorded_at_expires_at() throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Api.Response issued = issue(Map.of("name", unique("short-"), "role", "auditor",
                "expiresAt", expiresAt.toString()));
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().get("key").asText();
        assertThat(api.get("/v2/events", key).status()).isEqualTo(200);
        while (Instant.now().isBefore(expiresAt.plusMillis(50))) {
            Thread.sleep(50);
        }
        assertThat(api.get("/v2/events", key).status()).isEqualTo(401);
        assertThat(api.get("/v2/api-keys/" + issued.id(), ADMIN_KEY).json().get("status").asText()).isEqualTo("EXPIRED");
        expiry.expireDue();
        String expired = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%ApiKeyExpired'").param(issued.id())
                .query(String.class).single();
        assertThat(Instant.parse(Api.parse(expired).get("expiredAt").asText())).isEqualTo(expiresAt);
        assertThat(api.post("/v2/api-keys/" + issued.id() + "/rotate", "{}", ADMIN_KEY).status()).isEqualTo(409);
    }

    @Test
    void last_used_is_kept_without_an_event_and_at_most_once_a_minute() {
        Api.Response issued = issue("auditor", null);
        String key = issued.json().get("key").asText();
        assertThat(api.get("/v2/api-keys/" + issued.id(), ADMIN_KEY).json().get("lastUsedAt").isNull()).isTrue();
        api.get("/v2/events", key);
        String first = api.get("/v2/api-keys/" + issued.id(), ADMIN_KEY).json().get("lastUsedAt").asText();
        assertThat(Instant.parse(first)).isBefore(Instant.now().plusSeconds(1));
        api.get("/v2/events", key);
        assertThat(api.get("/v2/api-keys/" + issued.id(), ADMIN_KEY).json().get("lastUsedAt").asText()).isEqualTo(first);
        assertThat(eventCount(issued.id())).isEqualTo(1);
        Api.Response revoked = api.delete("/v2/api-keys/" + issued.id(), ADMIN_KEY);
        assertThat(revoked.json().get("lastUsedAt").asText()).as("the revocation's answer knows it too").isEqualTo(first);
    }

    @Test
    void a_registry_owner_key_needs_an_existing_registry_and_sees_only_its_registry_keys() {
        assertThat(issue("registry_owner", null).status()).isEqualTo(400);
        assertThat(issue("registry_owner", java.util.UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(issue("auditor", createRegistry()).status()).isEqualTo(400);
        String mine = createRegistry();
        String theirs = createRegistry();
        Api.Response owner = issue("registry_owner", mine);
        assertThat(owner.status()).isEqualTo(201);
        assertThat(owner.json().get("registryId").asText()).isEqualTo(mine);
        Api.Response other = issue("registry_owner", theirs);
        String ownerKey = owner.json().get("key").asText();
        Api.Response listed = api.get("/v2/api-keys?size=500", ownerKey);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(values(listed, "registryId")).containsOnly(mine);
        assertThat(api.get("/v2/api-keys/" + other.id(), ownerKey).status()).isEqualTo(404);
        assertThat(api.get("/v2/api-keys/" + owner.id(), ownerKey).status()).isEqualTo(200);
        Api.Response filtered = api.get("/v2/api-keys?role=registry_owner&registryId=" + theirs, ADMIN_KEY);
        assertThat(values(filtered, "id")).contains(other.id()).doesNotContain(owner.id());
    }

    @Test
    void hostile_and_invalid_requests_are_400_and_write_nothing() {
        long before = jdbc.sql("SELECT count(*) FROM api_keys").query(Long.class).single();
        List<String> bodies = List.of(
                "{\"name\":\"x\",\"role\":\"root\"}",
                "{\"name\":\"x\",\"role\":\"ADMIN\"}",
                "{\"name\":\"\",\"role\":\"auditor\"}",
                "{\"name\":12,\"role\":\"auditor\"}",
                "{\"name\":\"x\\u0000\",\"role\":\"auditor\"}",
                "{\"name\":\"x\",\"role\":\"auditor\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
                "{\"name\":\"x\",\"role\":\"auditor\",\"expiresAt\":\"2030-01-01T00:00:00+01:00\"}",
                "{\"name\":\"x\",\"role\":\"auditor\",\"expiresAt\":1893456000}",
                "{\"name\":\"x\",\"role\":\"auditor\",\"key\":\"trk_chosen-by-the-caller-000000000000\"}",
                "{\"name\":\"x\",\"role\":\"auditor\",\"registryId\":\"not-a-uuid\"}",
                "{\"name\":\"" + "n".repeat(201) + "\",\"role\":\"auditor\"}",
                "[]");
        for (String body : bodies) {
            Api.Response response = api.post("/v2/api-keys", body, ADMIN_KEY);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        }
        String id = issue("auditor", null).id();
        for (String grace : List.of("P31D", "-PT1H", "1 hour", "PT", "P", "PT99999999999999S", "")) {
            Api.Response response = api.post("/v2/api-keys/" + id + "/rotate",
                    Api.json(Map.of("gracePeriod", grace)), ADMIN_KEY);
            assertThat(response.status()).as(grace).isEqualTo(400);
        }
        assertThat(api.post("/v2/api-keys/" + id + "/rotate", "{\"gracePeriod\":3600}", ADMIN_KEY).status())
                .isEqualTo(400);
        assertThat(api.delete("/v2/api-keys/" + java.util.UUID.randomUUID(), ADMIN_KEY).status()).isEqualTo(404);
        assertThat(api.post("/v2/api-keys/" + java.util.UUID.randomUUID() + "/rotate", "{}", ADMIN_KEY).status())
                .isEqualTo(404);
        assertThat(api.delete("/v2/api-keys/not-a-uuid", ADMIN_KEY).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void keys_cannot_be_issued_without_a_key_or_by_an_auditor() {
        String auditor = issue("auditor", null).json().get("key").asText();
        String body = Api.json(Map.of("name", "escalate", "role", "admin"));
        assertThat(api.post("/v2/api-keys", body, null).status()).isEqualTo(401);
        assertThat(api.post("/v2/api-keys", body, auditor).status()).isEqualTo(403);
        assertThat(api.get("/v2/api-keys", null).status()).isEqualTo(401);
        assertThat(api.get("/v2/api-keys", auditor).status()).isEqualTo(200);
    }

    @Test
    void a_replayed_issue_does_not_show_the_secret_again() {
        String body = Api.json(Map.of("name", unique("idem-"), "role", "auditor"));
        String idempotencyKey = unique("idem-key-");
        Api.Response first = api.send(api.builder("/v2/api-keys", ADMIN_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Api.Response replay = api.send(api.builder("/v2/api-keys", ADMIN_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.id()).isEqualTo(first.id());
        assertThat(replay.text()).doesNotContain(first.json().get("key").asText());
        String stored = jdbc.sql("SELECT convert_from(response_body, 'UTF8') FROM idempotency_keys WHERE idempotency_key = ?")
                .param(idempotencyKey).query(String.class).single();
        assertThat(stored).doesNotContain(first.json().get("key").asText());
    }

    @Test
    void a_registry_owner_manages_the_owner_keys_of_its_own_registry_and_nothing_more() {
        String mine = createRegistry();
        String theirs = createRegistry();
        String ownerKey = issue("registry_owner", mine).json().get("key").asText();
        String theirKeyId = issue("registry_owner", theirs).id();
        String auditorKeyId = issue("auditor", null).id();
        long before = eventsButRefusals();

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("name", "escalate", "role", "admin"),
                Map.of("name", "escalate", "role", "auditor"),
                Map.of("name", "theirs", "role", "registry_owner", "registryId", theirs))) {
            Api.Response refused = api.post("/v2/api-keys", Api.json(body), ownerKey);
            assertThat(refused.status()).as(body.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("registry_owner key of registry " + mine);
        }
        assertThat(api.delete("/v2/api-keys/" + theirKeyId, ownerKey).status()).isEqualTo(403);
        assertThat(api.post("/v2/api-keys/" + theirKeyId + "/rotate", "{}", ownerKey).status()).isEqualTo(403);
        assertThat(api.delete("/v2/api-keys/" + auditorKeyId, ownerKey).status()).isEqualTo(403);
        assertThat(api.post("/v2/api-keys/" + auditorKeyId + "/rotate", "{}", ownerKey).status()).isEqualTo(403);
        assertThat(eventCount(theirKeyId) + eventCount(auditorKeyId)).as("only their issue events").isEqualTo(2);

        Api.Response staff = api.post("/v2/api-keys", Api.json(Map.of("name", "staff", "role", "registry_owner",
                "registryId", mine)), ownerKey);
        assertThat(staff.status()).isEqualTo(201);
        assertThat(api.post("/v2/api-keys/" + staff.id() + "/rotate", "{}", ownerKey).status()).isEqualTo(200);
        assertThat(api.delete("/v2/api-keys/" + staff.id(), ownerKey).status()).isEqualTo(200);
        assertThat(eventsButRefusals())
                .isGreaterThanOrEqualTo(before + 3);
    }

    @Test
    void health_probes_never_judge_a_key_so_they_cannot_tell_a_valid_key_from_a_guess() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(api.get(path, "trk_" + "g".repeat(43)).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, ADMIN_KEY).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void two_different_keys_in_one_request_are_refused_as_ambiguous() {
        String auditor = issue("auditor", null).json().get("key").asText();
        Api.Response both = api.send(api.builder("/v2/api-keys", null).header("X-API-Key", auditor)
                .header("Authorization", "Bearer " + ADMIN_KEY).GET().build());
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        Api.Response twice = api.send(api.builder("/v2/api-keys", null).header("X-API-Key", auditor)
                .header("X-API-Key", ADMIN_KEY).GET().build());
        assertThat(twice.status()).isEqualTo(400);
        Api.Response same = api.send(api.builder("/v2/api-keys", null).header("X-API-Key", auditor)
                .header("Authorization", "Bearer " + auditor).GET().build());
        assertThat(same.status()).isEqualTo(200);
    }

    @Test
    void a_revoked_key_tried_on_a_public_read_is_audited_with_the_key_it_was() {
        Api.Response issued = issue("auditor", null);
        String key = issued.json().get("key").asText();
        assertThat(api.delete("/v2/api-keys/" + issued.id(), ADMIN_KEY).status()).isEqualTo(200);
        Api.Response refused = api.get("/v2/issuers?size=1", key);
        assertThat(refused.status()).isEqualTo(401);
        String requestId = refused.header("X-Request-ID");
        Api.Response audited = eventually(() -> {
            Api.Response page = api.get("/v2/audit-log?result=DENIED&actor=" + issued.id() + "&size=500", ADMIN_KEY);
            for (var item : page.json().get("items")) {
                if (requestId.equals(item.get("requestId").asText())) {
                    return page;
                }
            }
            return null;
        });
        assertThat(audited.status()).isEqualTo(200);
    }

    @Test
    void a_key_issued_with_an_expiring_owner_key_expires_no_later_than_that_key() {
        String registry = createRegistry();
        Instant ownerEnd = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String ownerKey = issue(Map.of("name", "expiring owner", "role", "registry_owner", "registryId", registry,
                "expiresAt", ownerEnd.toString())).json().get("key").asText();
        long before = eventsButRefusals();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("name", "immortal", "role", "registry_owner", "registryId", registry),
                Map.of("name", "longer", "role", "registry_owner", "registryId", registry,
                        "expiresAt", ownerEnd.plusSeconds(1).toString()))) {
            Api.Response refused = api.post("/v2/api-keys", Api.json(body), ownerKey);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.text()).contains("expiresAt");
        }
        assertThat(eventsButRefusals()).isEqualTo(before);
        assertThat(api.post("/v2/api-keys", Api.json(Map.of("name", "as long", "role", "registry_owner",
                "registryId", registry, "expiresAt", ownerEnd.toString())), ownerKey).status()).isEqualTo(201);
        assertThat(issue(Map.of("name", "an admin may", "role", "registry_owner", "registryId", registry))
                .status()).isEqualTo(201);
    }
}
