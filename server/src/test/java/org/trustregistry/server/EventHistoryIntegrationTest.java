package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Auditors read the event store itself: the global stream, and one aggregate's history. */
class EventHistoryIntegrationTest extends IntegrationTest {

    @Test
    void an_aggregate_history_is_every_event_in_order_with_payload_and_metadata() {
        String registry = createRegistry();
        String issuer = register("issuers", registry, did("h"), List.of());
        changeStatus("issuers", issuer, "ACTIVE", null);
        changeStatus("issuers", issuer, "SUSPENDED", "check");

        JsonNode history = api.get("/v2/events/" + issuer, ADMIN_KEY).json();
        List<String> types = new ArrayList<>();
        history.forEach(e -> types.add(e.get("eventType").asString()));
        assertThat(types).containsExactly("IssuerRegistered", "IssuerActivated", "IssuerSuspended");
        JsonNode suspended = history.get(2);
        assertThat(suspended.get("sequenceNumber").asLong()).isEqualTo(2);
        assertThat(suspended.get("aggregateType").asString()).isEqualTo("Issuer");
        assertThat(suspended.get("payload").get("reason").asString()).isEqualTo("check");
        assertThat(suspended.get("payload").get("previousStatus").asString()).isEqualTo("ACTIVE");
        assertThat(suspended.get("metadata").get("actorRole").asString()).isEqualTo("admin");
    }

    @Test
    void the_global_stream_pages_forward_by_position() {
        createRegistry();
        createRegistry();
        JsonNode first = api.get("/v2/events?limit=1", ADMIN_KEY).json();
        assertThat(first.get("items")).hasSize(1);
        long next = first.get("next").asLong();
        JsonNode second = api.get("/v2/events?after=" + next + "&limit=2", ADMIN_KEY).json();
        assertThat(second.get("items").get(0).get("position").asLong()).isGreaterThan(next);
        assertThat(api.get("/v2/events?limit=0", ADMIN_KEY).status()).isEqualTo(400);
        assertThat(api.get("/v2/events?limit=1001", ADMIN_KEY).status()).isEqualTo(400);
        assertThat(api.get("/v2/events?after=abc", ADMIN_KEY).status()).isEqualTo(400);
    }

    @Test
    void only_auditors_and_admins_read_the_event_store() {
        assertThat(api.get("/v2/events", null).status()).isEqualTo(401);
        assertThat(api.get("/v2/events/" + UUID.randomUUID(), ADMIN_KEY).status()).isEqualTo(404);
    }
}
