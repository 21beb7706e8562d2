package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.command.did.UpdateDidService;

/**
 * A rebuild empties a projection's tables and replays the store into them: TRQP asked all the while gets
 * the right answer or a 503, never an answer from half-filled tables (unknown authority, not authorized).
 */
class RebuildWhileQueriedIntegrationTest extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Test
    void trqp_during_rebuilds_of_the_authority_history_answers_right_or_503() throws Exception {
        String registry = createRegistry();
        String ecosystem = api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString();
        String type = unique("Rebuild");
        String schema = createSchema(registry, type);
        Instant past = Instant.now();
        Map<String, Boolean> now = new LinkedHashMap<>();
        Map<String, Boolean> then = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String did = did("rb" + i);
            String id = register("issuers", registry, did, List.of(schema));
            changeStatus("issuers", id, "ACTIVE", null);
            then.put(did, false); // registered after `past`
            switch (i % 3) {
                case 0 -> now.put(did, true);
                case 1 -> {
                    changeStatus("issuers", id, "SUSPENDED", "audit");
                    now.put(did, false);
                }
                default -> {
                    changeStatus("issuers", id, "REVOKED", "closed");
                    now.put(did, false);
                }
            }
        }
        // enough history that a replay takes a while
        for (int i = 0; i < 1500; i++) {
            commands.sendAndWait(asAdmin(new UpdateDidService(did("filler"), "LinkedDomains", "https://f.example/" + i,
                    Map.of())));
        }
        awaitProjections();
        Instant later = Instant.now();

        AtomicBoolean asking = new AtomicBoolean(true);
        AtomicInteger right = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<String> dids = new ArrayList<>(now.keySet());
        ExecutorService askers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            int asker = a;
            running.add(askers.submit(() -> {
                for (int n = asker; asking.get(); n++) {
                    String did = dids.get(n % dids.size());
                    boolean atPast = n % 4 == 3;
                    Map<String, Object> body = new LinkedHashMap<>(Map.of("entity_id", did, "authority_id", ecosystem,
                            "action", "issue", "resource", type));
                    body.put("context", Map.of("time", (atPast ? past : later).toString()));
                    Api.Response answer = api.post("/v2/authorization", Api.json(body), null);
                    boolean expected = atPast ? then.get(did) : now.get(did);
                    if (answer.status() == 503 && answer.header("Retry-After") != null) {
                        refused.incrementAndGet();
                    } else if (answer.status() == 200 && answer.json().get("authorized").asBoolean() == expected) {
                        right.incrementAndGet();
                    } else {
                        wrong.add(did + " at " + (atPast ? "past" : "later") + ": " + answer);
                    }
                }
            }));
        }
        try {
            for (int rebuild = 0; rebuild < 3; rebuild++) {
                assertThat(api.post("/v2/admin/projections/authority-history/rebuild", "", ADMIN_KEY).status())
                        .isEqualTo(202);
                assertThat(projections.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
                Thread.sleep(700); // answers after the rebuild, once it is seen as done
            }
        } finally {
            asking.set(false);
            for (Future<?> asker : running) {
                asker.get();
            }
            askers.shutdownNow();
        }
        System.out.printf("rebuild while queried: %d right, %d refused (503), %d wrong%n", right.get(),
                refused.get(), wrong.size());
        assertThat(wrong).as("answers from a half-built projection").isEmpty();
        assertThat(refused.get()).as("the rebuilds were seen").isPositive();
        assertThat(right.get()).isPositive();
    }
}
