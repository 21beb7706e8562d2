package org.trustregistry.command.did;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.events.did.DidResolutionFailed;
import org.trustregistry.events.did.DidResolved;
import org.trustregistry.events.did.DidServiceUpdated;
import org.trustregistry.shared.MessageMetadata;

class DidEntryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final String DID = "did:web:uni.example";
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, "key-1");
    private static final List<Map<String, Object>> KEYS = List.of(Map.of("kty", "OKP", "crv", "Ed25519",
            "x", "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik", "kid", DID + "#key-1"));
    private static final String SOURCE = "https://uni.example/.well-known/did.json";

    private AggregateTestFixture<DidEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = fresh();
    }

    /** A fixture remembers the aggregate of its first command: one per case when a test tries several. */
    private static AggregateTestFixture<DidEntry> fresh() {
        AggregateTestFixture<DidEntry> fixture = new AggregateTestFixture<>(DidEntry.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    private static DidServiceUpdated serviceUpdated() {
        return new DidServiceUpdated(DID, "web", "LinkedDomains", "https://uni.example", Map.of(), "key-1",
                NOW.minusSeconds(60));
    }

    @Test
    void a_service_endpoint_creates_the_entry_of_a_did_nobody_registered() {
        fixture.givenNoPriorActivity()
                .when(new UpdateDidService(DID, "DIDCommMessaging", "https://uni.example/didcomm",
                        Map.of("region", "EU")), BY_ACTOR)
                .expectEvents(new DidServiceUpdated(DID, "web", "DIDCommMessaging", "https://uni.example/didcomm",
                        Map.of("region", "EU"), "key-1", NOW));
    }

    @Test
    void a_new_service_endpoint_replaces_the_old_one() {
        fixture.given(serviceUpdated())
                .when(new UpdateDidService(DID, "LinkedDomains", "https://www.uni.example", null), BY_ACTOR)
                .expectEvents(new DidServiceUpdated(DID, "web", "LinkedDomains", "https://www.uni.example", Map.of(),
                        "key-1", NOW))
                .expectResultMessagePayload(new DidEntryState(DID, "web", "LinkedDomains", "https://www.uni.example",
                        Map.of(), List.of(), null, null, null));
    }

    @Test
    void an_endpoint_must_be_an_absolute_web_url() {
        for (String endpoint : List.of("not a url", "/relative", "ftp://uni.example", "https://user:pw@uni.example",
                "mailto:x@uni.example", "https:///no-host")) {
            fresh().givenNoPriorActivity()
                    .when(new UpdateDidService(DID, "LinkedDomains", endpoint, Map.of()), BY_ACTOR)
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void a_malformed_or_too_long_did_gets_no_entry() {
        fixture.givenNoPriorActivity()
                .when(new UpdateDidService("did:web", "LinkedDomains", "https://uni.example", Map.of()), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fresh().givenNoPriorActivity()
                .when(new UpdateDidService("did:web:" + "a".repeat(250) + ".example", "LinkedDomains",
                        "https://uni.example", Map.of()), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void a_resolution_records_the_keys_and_where_they_came_from() {
        fixture.given(serviceUpdated())
                .when(new RecordDidResolution(DID, KEYS, SOURCE), BY_ACTOR)
                .expectEvents(new DidResolved(DID, "web", KEYS, SOURCE, "key-1", NOW));
    }

    @Test
    void a_did_known_only_as_an_issuer_gets_its_entry_from_its_first_resolution() {
        fixture.givenNoPriorActivity()
                .when(new RecordDidResolution(DID, KEYS, SOURCE), BY_ACTOR)
                .expectEvents(new DidResolved(DID, "web", KEYS, SOURCE, "key-1", NOW));
    }

    @Test
    void a_resolution_without_keys_is_not_a_resolution() {
        fixture.given(serviceUpdated())
                .when(new RecordDidResolution(DID, List.of(), SOURCE), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void a_failed_resolution_is_recorded_and_keeps_the_last_known_keys() {
        fixture.given(serviceUpdated(), new DidResolved(DID, "web", KEYS, SOURCE, "key-1", NOW.minusSeconds(30)))
                .when(new RecordDidResolutionFailure(DID, "HTTP 404", SOURCE), BY_ACTOR)
                .expectEvents(new DidResolutionFailed(DID, "web", "HTTP 404", SOURCE, "key-1", NOW))
                .expectState(entry -> org.assertj.core.api.Assertions.assertThat(entry.state().publicKeys())
                        .isEqualTo(KEYS));
    }
}
