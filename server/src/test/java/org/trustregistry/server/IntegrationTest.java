package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.query.trqp.AuthorityHistory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trustregistry.query.admin.ProjectionAdmin;
import org.trustregistry.shared.MessageMetadata;

/**
 * Base of the integration tests: the whole server on a random port over a real (embedded)
 * PostgreSQL. Every test class uses these same properties, so Spring builds one context for all.
 * Tests share the database: each makes its own registries and DIDs, with random suffixes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trust-registry.data-dir=target/it-data",
        "trust-registry.db.url=",
        "trust-registry.db.embedded.durable=false",
        "trust-registry.db.embedded.clean=true",
        "trust-registry.security.bootstrap-admin-key=" + IntegrationTest.ADMIN_KEY,
        // the tests drive expiry themselves, at the moment they choose
        "trust-registry.expiry.initial-delay=PT24H",
        // did:web documents come from servers the tests start on 127.0.0.1, over plain http
        "trust-registry.did.web.insecure-hosts=127.0.0.1",
        "trust-registry.did.web.timeout=PT1S",
})
public abstract class IntegrationTest {

    public static final String ADMIN_KEY = "it-admin-key-0123456789";

    @Value("${local.server.port}")
    private int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ProjectionAdmin projections;

    protected Api api;

    @Autowired
    private AuthorityHistory authorityHistory;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /**
     * After every test: the in-memory authority history TRQP answers from holds exactly what its tables hold
     * (asked again while a batch may be committing; only once the projections have caught up, and only while the
     * memory is usable: a test may leave the projection failing on purpose).
     */
    @AfterEach
    void authorityHistoryMatchesItsTables() throws InterruptedException {
        if (!projections.awaitCaughtUp(Duration.ofSeconds(5)) || !authorityHistory.healthy()) {
            return;
        }
        boolean matches = false;
        for (int attempt = 0; attempt < 5 && !matches; attempt++) {
            matches = authorityHistory.matchesTables();
            if (!matches) {
                Thread.sleep(200);
            }
        }
        assertThat(matches).as("the in-memory authority history matches its tables").isTrue();
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String did(String name) {
        return "did:web:" + unique(name) + ".example";
    }

    protected void awaitProjections() {
        assertThat(projections.awaitCaughtUp(Duration.ofSeconds(20))).as("projections caught up").isTrue();
    }

    /**
     * The probe's first non-null answer within 40 s; a probe that throws has not got there yet (a member the
     * answer does not have so far, a connection refused while the database restarts).
     */
    protected static <T> T eventually(java.util.function.Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException notYet) {
                // not yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within 40 s");
    }

    protected String createRegistry() {
        Api.Response created = api.post("/v2/registries", Api.json(Map.of("name", unique("Registry "),
                "ecosystemDid", did("eco"), "governanceAuthority", "Board")), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    protected String createSchema(String registryId, String type) {
        Api.Response created = api.post("/v2/schemas", Api.json(Map.of("registryId", registryId,
                "name", type + " schema", "version", "1.0", "type", type,
                "jsonSchema", Map.of("type", "object"))), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** Registers an issuer or a verifier ({@code kind} is "issuers" or "verifiers"). */
    protected String register(String kind, String registryId, String did, List<String> schemaIds) {
        Api.Response created = api.post("/v2/" + kind, Api.json(Map.of("did", did, "registryId", registryId,
                "name", unique("Entity "), "credentialTypes", schemaIds)), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    protected Api.Response changeStatus(String kind, String id, String status, String reason) {
        Map<String, Object> body = reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        return api.patch("/v2/" + kind + "/" + id + "/status", Api.json(body), ADMIN_KEY);
    }

    /** A command sent straight to the bus as an admin's (the command side refuses a command without a role). */
    protected static CommandMessage<?> asAdmin(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(MessageMetadata.ACTOR_ID,
                "integration-test").and(MessageMetadata.ACTOR_ROLE, "admin"));
    }

    /** Events in the store but the audit of refused requests (which a refused request writes on its own). */
    protected long eventsButRefusals() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry "
                + "WHERE payload_type NOT LIKE 'org.trustregistry.events.access.%'").query(Long.class).single();
    }

    protected long eventCount(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }
}
