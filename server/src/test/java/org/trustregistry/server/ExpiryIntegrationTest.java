package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.command.accreditation.ExpiryScheduler;
import tools.jackson.databind.JsonNode;

/** validUntil is a persisted deadline: when it passes, the registry itself expires the entity. */
class ExpiryIntegrationTest extends IntegrationTest {

    @Autowired
    private ExpiryScheduler expiry;

    @Test
    void an_active_issuer_expires_when_its_valid_until_passes_and_can_be_renewed() throws Exception {
        String registry = createRegistry();
        Instant until = Instant.now().plusMillis(1500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Api.Response created = api.post("/v2/issuers", Api.json(Map.of("did", did("exp"), "registryId", registry,
                "name", "Short-lived", "validUntil", until.toString())), ADMIN_KEY);
        String id = created.id();
        changeStatus("issuers", id, "ACTIVE", null);
        assertThat(jdbc.sql("SELECT due_at FROM expiry_deadlines WHERE entity_id = ?::uuid").param(id)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(until);

        expiry.expireDue();
        assertThat(api.get("/v2/issuers/" + id, null).json().get("status").asString())
                .as("not before validUntil").isEqualTo("ACTIVE");

        Thread.sleep(Math.max(0, until.toEpochMilli() - System.currentTimeMillis()) + 50);
        expiry.expireDue();
        awaitProjections();
        JsonNode record = api.get("/v2/issuers/" + id, null).json();
        assertThat(record.get("status").asString()).isEqualTo("EXPIRED");
        JsonNode last = last(api.get("/v2/issuers/" + id + "/status-history", null).json());
        assertThat(last.get("transition").asString()).isEqualTo("EXPIRE");
        assertThat(last.get("actorId").asString()).isEqualTo("system");
        assertThat(jdbc.sql("SELECT count(*) FROM expiry_deadlines WHERE entity_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();

        assertThat(changeStatus("issuers", id, "SUSPENDED", "x").status()).isEqualTo(409);
        Api.Response renewed = api.patch("/v2/issuers/" + id + "/status", Api.json(Map.of("status", "ACTIVE",
                "reason", "accreditation renewed", "validUntil", "2099-01-01T00:00:00Z")), ADMIN_KEY);
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().get("validUntil").asString()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(last(api.get("/v2/issuers/" + id + "/status-history", null).json()).get("transition").asString())
                .isEqualTo("RENEW");
        assertThat(api.get("/v2/issuers/" + id, null).json().get("validUntil").asString())
                .isEqualTo("2099-01-01T00:00:00Z");
    }

    @Test
    void a_pending_entity_whose_window_ended_is_not_expired_and_its_deadline_is_dropped() throws Exception {
        String registry = createRegistry();
        Instant until = Instant.now().plusMillis(300);
        String id = api.post("/v2/verifiers", Api.json(Map.of("did", did("pend"), "registryId", registry,
                "name", "Never activated", "validUntil", until.toString())), ADMIN_KEY).id();
        Thread.sleep(400);
        expiry.expireDue();
        assertThat(api.get("/v2/verifiers/" + id, null).json().get("status").asString()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM expiry_deadlines WHERE entity_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
        assertThat(changeStatus("verifiers", id, "ACTIVE", null).status()).as("its window has ended").isEqualTo(409);
    }

    @Test
    void an_expiry_recorded_late_is_effective_at_valid_until_and_as_of_agrees_with_trqp_at_every_instant()
            throws Exception {
        String registry = createRegistry();
        String ecosystem = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        String schema = createSchema(registry, unique("Exact"));
        String type = api.get("/v2/schemas/" + schema, null).json().get("type").asString();
        String did = did("exact");
        Instant until = Instant.now().plusMillis(800).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String id = api.post("/v2/issuers", Api.json(Map.of("did", did, "registryId", registry, "name", "Exact",
                "validUntil", until.toString(), "credentialTypes", java.util.List.of(schema))), ADMIN_KEY).id();
        changeStatus("issuers", id, "ACTIVE", null);
        Instant before = until.minusNanos(1_000);
        // the scheduler is late (tests drive it): validUntil has passed, nothing is recorded yet
        Thread.sleep(Math.max(0, until.toEpochMilli() - System.currentTimeMillis()) + 300);
        awaitProjections();
        assertStanding(id, ecosystem, did, type, before, "ACTIVE", true);
        assertStanding(id, ecosystem, did, type, until, "EXPIRED", false);

        expiry.expireDue();
        awaitProjections();
        JsonNode expired = last(api.get("/v2/issuers/" + id + "/status-history", null).json());
        assertThat(expired.get("transition").asString()).isEqualTo("EXPIRE");
        assertThat(Instant.parse(expired.get("effectiveAt").asString())).as("effective at validUntil itself")
                .isEqualTo(until);
        assertStanding(id, ecosystem, did, type, before, "ACTIVE", true);
        assertStanding(id, ecosystem, did, type, until, "EXPIRED", false);
        assertThat(Instant.parse(api.get("/v2/issuers/" + id + "?asOf=" + until, null).json().get("since").asString()))
                .isEqualTo(until);
    }

    private void assertStanding(String id, String ecosystem, String did, String type, Instant at, String status,
                                boolean authorized) {
        assertThat(api.get("/v2/issuers/" + id + "?asOf=" + at, null).json().get("status").asString())
                .as("asOf " + at).isEqualTo(status);
        Api.Response answer = api.post("/v2/authorization", Api.json(Map.of("entity_id", did, "authority_id",
                ecosystem, "action", "issue", "resource", type, "context", Map.of("time", at.toString()))), null);
        assertThat(answer.json().get("authorized").asBoolean()).as("TRQP at " + at).isEqualTo(authorized);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

}
