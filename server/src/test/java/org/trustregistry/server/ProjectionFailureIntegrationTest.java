package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event the projections cannot store, put straight into the event store: the failing projections show
 * it, readiness goes DOWN naming them, every trust read that depends on them refuses (503) instead of
 * answering from stale state, writes do not wait for them, and the DID directory parks it in its
 * dead-letter queue instead of stopping. The tables refuse the event through a trigger the test drops
 * again (a poisoned payload could not be taken back: the event store caches what it has read); then
 * everything recovers.
 */
class ProjectionFailureIntegrationTest extends IntegrationTest {

    private static final String TRIGGER = "it_refuse_marked_did";

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void an_event_no_projection_can_store_is_seen_contained_and_never_answered_from() {
        String registry = createRegistry();
        String ecosystem = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        String type = unique("Poison");
        String schema = createSchema(registry, type);
        String did = did("healthy");
        String issuer = register("issuers", registry, did, List.of(schema));
        changeStatus("issuers", issuer, "ACTIVE", null);
        String other = register("issuers", registry, did("other"), List.of(schema));
        changeStatus("issuers", other, "ACTIVE", null);
        String otherDid = api.get("/v2/issuers/" + other, null).json().get("did").asString();
        Api.Response healthy = trqp(did, ecosystem, type);
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.json().get("authorized").asBoolean()).isTrue();
        assertThat(Long.parseLong(healthy.header("X-Event-Store-Position"))).isPositive();

        // an IssuerRegistered that the issuers, authority-history and DID directory tables refuse
        String poisonDid = did("poison");
        String poisonId = UUID.randomUUID().toString();
        refuse(poisonDid, "entity_periods", "issuers", "did_directory");
        try {
            long position = insertRegistration(issuer, poisonId, poisonDid);
            JsonNode failing = eventually(() -> {
                JsonNode p = api.get("/v2/admin/projections/authority-history", ADMIN_KEY).json();
                return "FAILING".equals(p.get("state").asString()) && p.get("failure").hasNonNull("position")
                        ? p : null;
            });
            // the issuers projection (the public lists read it) fails on the same event, in its own time
            eventually(() -> "FAILING".equals(api.get("/v2/admin/projections/issuers", ADMIN_KEY).json()
                    .get("state").asString()) ? true : null);
            JsonNode failure = failing.get("failure");
            assertThat(failure.get("position").asLong()).isEqualTo(position);
            assertThat(failure.get("eventType").asString()).isEqualTo("IssuerRegistered");
            assertThat(failure.get("aggregateType").asString()).isEqualTo("Issuer");
            assertThat(failure.get("aggregateId").asString()).isEqualTo(poisonId);
            assertThat(failure.get("error").asString()).contains("refused by the test");
            assertThat(Instant.parse(failure.get("since").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(failing.get("errors")).isNotEmpty();
            assertThat(failing.get("position").asLong()).isLessThan(position);
            JsonNode retrying = eventually(() -> {
                JsonNode p = api.get("/v2/admin/projections/authority-history", ADMIN_KEY).json();
                return p.at("/failure/retries").asInt() > 0 ? p : null;
            });
            assertThat(retrying.at("/failure/since").asString()).isEqualTo(failure.get("since").asString());

            Api.Response readiness = eventually(() -> {
                Api.Response r = api.get("/actuator/health/readiness", null);
                return r.status() == 503 ? r : null;
            });
            assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(readiness.json().at("/components/projections/components/authority-history/status")
                    .asString()).isEqualTo("DOWN");
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

            // every trust read that depends on a failing projection refuses, with Retry-After
            assertRefused(trqp(did, ecosystem, type));
            assertRefused(api.post("/v2/query", Api.json(Map.of("did", did)), null));
            assertRefused(api.get("/v2/issuers/" + issuer + "?asOf=" + Instant.now(), null));
            assertRefused(api.get("/v2/public/issuers", null));
            assertRefused(api.get("/v2/entities/" + did, null));
            // a plain read of the record is not a trust answer: it is still served
            assertThat(api.get("/v2/issuers/" + issuer, null).status()).isEqualTo(200);

            String prometheus = api.get("/actuator/prometheus", ADMIN_KEY).text();
            assertThat(prometheus).contains("trust_registry_projection_up{projection=\"authority-history\"} 0.0");
            assertThat(prometheus).containsPattern(
                    "trust_registry_projection_errors_total\\{projection=\"authority-history\"} [1-9]");
            assertThat(prometheus).contains("trust_registry_projection_lag_events{projection=\"authority-history\"}");

            // a write is answered without waiting for the projections that cannot make progress, and says so
            Api.Response suspended = changeStatus("issuers", other, "SUSPENDED", "checked while projections are stuck");
            assertThat(suspended.status()).isEqualTo(200);
            // ... and every other projection has it: a failing projection is taken out of the batch, not the batch
            assertThat(java.util.Set.of(suspended.header("X-Stale-Projections").split("[,\\s]+")))
                    .containsExactlyInAnyOrder("authority-history", "issuers");
            assertThat(api.get("/v2/admin/projections/audit-log", ADMIN_KEY).json().get("position").asLong())
                    .isGreaterThan(position);

            // the DID directory parked the event instead of stopping, and does not serve that DID meanwhile
            JsonNode directory = eventually(() -> {
                JsonNode p = api.get("/v2/admin/projections/did-directory", ADMIN_KEY).json();
                return p.get("deadLetters").asLong() > 0 ? p : null;
            });
            assertThat(directory.get("state").asString()).isIn("UP_TO_DATE", "CATCHING_UP");
            JsonNode letter = parkedLetter(poisonId);
            assertThat(letter.get("position").asLong()).isEqualTo(position);
            assertThat(letter.get("eventType").asString()).isEqualTo("IssuerRegistered");
            assertThat(letter.get("cause").asString()).contains("refused by the test");
            assertThat(api.get("/v2/dids/" + poisonDid, null).status()).isEqualTo(503);
            assertThat(api.get("/v2/dids/" + did, null).status()).as("other DIDs are served").isEqualTo(200);
            assertThat(api.get("/v2/admin/projections/issuers/dead-letters", ADMIN_KEY).status())
                    .as("a projection trust answers depend on has no dead-letter queue").isEqualTo(404);
        } finally {
            allow();
        }

        // the cause removed, the failing projections are retried at once and catch up by themselves
        projections.restartUnhealthy();
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        eventually(() -> api.get("/actuator/health/readiness", null).status() == 200 ? true : null);
        Api.Response recovered = trqp(did, ecosystem, type);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.json().get("authorized").asBoolean()).isTrue();
        assertThat(trqp(otherDid, ecosystem, type).json().get("authorized").asBoolean())
                .as("the suspension written meanwhile counts").isFalse();
        assertThat(api.get("/v2/issuers/" + poisonId, null).json().get("did").asString()).isEqualTo(poisonDid);

        // the parked directory event goes through once an operator retries it
        assertThat(api.post("/v2/admin/projections/did-directory/dead-letters/retry", "", "wrong-key-000000")
                .status()).isEqualTo(401);
        JsonNode retried = api.post("/v2/admin/projections/did-directory/dead-letters/retry", "", ADMIN_KEY).json();
        assertThat(retried.get("processed").asInt()).isPositive();
        assertThat(retried.get("remaining").asLong()).isZero();
        assertThat(api.get("/v2/dids/" + poisonDid, null).json().get("roles").toString()).contains("issuer");
    }

    @Test
    void a_parked_directory_event_can_be_evicted_by_an_operator() {
        String did = did("evicted");
        refuse(did, "did_directory");
        try {
            assertThat(api.put("/v2/dids/" + did, Api.json(Map.of("serviceType", "LinkedDomains",
                    "endpoint", "https://evicted.example")), ADMIN_KEY).status()).isEqualTo(200);
            JsonNode letter = eventually(() -> parkedLetterOrNull(did));
            assertThat(letter.get("eventType").asString()).isEqualTo("DidServiceUpdated");
        } finally {
            allow();
        }
        assertRefused(api.get("/v2/dids/" + did, null));
        String sequence = sequenceOf(did);
        assertThat(api.delete("/v2/admin/projections/did-directory/dead-letters/" + sequence, "wrong-key-000000")
                .status()).isEqualTo(401);
        assertThat(api.delete("/v2/admin/projections/did-directory/dead-letters/" + sequence, ADMIN_KEY).json()
                .get("evicted").asInt()).isEqualTo(1);
        assertThat(api.delete("/v2/admin/projections/did-directory/dead-letters/" + sequence, ADMIN_KEY).status())
                .isEqualTo(404);
        // evicted: the directory never applies it (an operator's decision); the DID is served again, as it stood
        assertThat(api.get("/v2/dids/" + did, null).status()).isEqualTo(404);
        // later events of the DID are applied as usual (an evicted event is gone, not a sequence blocked)
        api.put("/v2/dids/" + did, Api.json(Map.of("serviceType", "LinkedDomains",
                "endpoint", "https://evicted.example/again")), ADMIN_KEY);
        assertThat(api.get("/v2/dids/" + did, null).json().get("serviceEndpoint").asString())
                .isEqualTo("https://evicted.example/again");
        // a rebuild applies what was evicted (the event is still in the store): the directory is whole again
        assertThat(projections.rebuild("did-directory")).isTrue();
        awaitProjections();
        eventually(() -> api.get("/v2/dids/" + did, null).status() == 200 ? true : null);
        assertThat(jdbc.sql("SELECT first_seen_at < updated_at FROM did_directory WHERE did = ?").param(did)
                .query(Boolean.class).single()).as("seen first with the evicted event").isTrue();
    }

    /** Makes the given tables refuse every row about {@code did}, as a poisoned event would be refused. */
    private void refuse(String did, String... tables) {
        jdbc.sql("CREATE OR REPLACE FUNCTION " + TRIGGER + "() RETURNS trigger AS $$ BEGIN "
                + "IF NEW.did = '" + did + "' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ "
                + "LANGUAGE plpgsql").update();
        for (String table : tables) {
            jdbc.sql("CREATE TRIGGER " + TRIGGER + " BEFORE INSERT OR UPDATE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION " + TRIGGER + "()").update();
        }
    }

    private void allow() {
        for (String table : List.of("entity_periods", "issuers", "did_directory")) {
            jdbc.sql("DROP TRIGGER IF EXISTS " + TRIGGER + " ON " + table).update();
        }
        jdbc.sql("DROP FUNCTION IF EXISTS " + TRIGGER + "()").update();
    }

    private long insertRegistration(String template, String aggregateId, String did) {
        String row = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(template).query(String.class).single();
        ObjectNode payload = (ObjectNode) Api.parse(row);
        payload.put("issuerId", aggregateId);
        payload.put("did", did);
        // registered in the commit order first, as every append is: else the projections could pass over the row
        // between its insert and its commit (the stable head would not know it is in flight)
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
            jdbc.sql(org.trustregistry.server.axon.CommitOrder.REGISTER).query().singleRow();
            return jdbc.sql("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, "
                            + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                            + "SELECT ?, 0, type, ?, meta_data, convert_to(?, 'UTF8'), payload_revision, payload_type, ? "
                            + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0 "
                            + "RETURNING global_index")
                    .params(aggregateId, UUID.randomUUID().toString(), payload.toString(), Instant.now().toString(),
                            template)
                    .query(Long.class).single();
        });
    }

    private JsonNode parkedLetter(String aggregateId) {
        JsonNode letter = parkedLetterOrNull(aggregateId);
        assertThat(letter).as("parked letter of " + aggregateId).isNotNull();
        return letter;
    }

    private JsonNode parkedLetterOrNull(String aggregateId) {
        for (JsonNode sequence : api.get("/v2/admin/projections/did-directory/dead-letters", ADMIN_KEY).json()) {
            for (JsonNode letter : sequence.get("letters")) {
                if (aggregateId.equals(letter.get("aggregateId").asString())) {
                    return letter;
                }
            }
        }
        return null;
    }

    private String sequenceOf(String aggregateId) {
        for (JsonNode sequence : api.get("/v2/admin/projections/did-directory/dead-letters", ADMIN_KEY).json()) {
            for (JsonNode letter : sequence.get("letters")) {
                if (aggregateId.equals(letter.get("aggregateId").asString())) {
                    return sequence.get("sequence").asString();
                }
            }
        }
        throw new AssertionError("no parked sequence for " + aggregateId);
    }

    private Api.Response trqp(String entity, String authority, String type) {
        return api.post("/v2/authorization", Api.json(Map.of("entity_id", entity, "authority_id", authority,
                "action", "issue", "resource", type)), null);
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.header("X-Event-Store-Position")).isNull();
        assertThat(response.text()).as("the error itself is for operators").doesNotContain("refused by the test");
    }
}
