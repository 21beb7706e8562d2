package org.trustregistry.command.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.events.registry.TrustRegistryCreated;
import org.trustregistry.events.registry.TrustRegistryStatusChanged;
import org.trustregistry.events.registry.TrustRegistryUpdated;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.RegistryStatus;

class TrustRegistryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final String DID = "did:web:edu.example";
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, "key-1");

    private AggregateTestFixture<TrustRegistry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrustRegistry.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TrustRegistryCreated created() {
        return new TrustRegistryCreated(ID, "Edu", null, DID, "Board", null, RegistryStatus.ACTIVE, "key-1",
                NOW.minusSeconds(60));
    }

    @Test
    void suspending_an_active_registry_records_the_reason() {
        fixture.given(created())
                .when(new ChangeTrustRegistryStatus(ID, RegistryStatus.SUSPENDED, "maintenance"), BY_ACTOR)
                .expectEvents(new TrustRegistryStatusChanged(ID, DID, RegistryStatus.ACTIVE, RegistryStatus.SUSPENDED,
                        "maintenance", "key-1", NOW));
    }

    @Test
    void a_retired_registry_changes_no_more() {
        TrustRegistryStatusChanged retired = new TrustRegistryStatusChanged(ID, DID, RegistryStatus.ACTIVE,
                RegistryStatus.RETIRED, "closed", "key-1", NOW);
        fixture.given(created(), retired)
                .when(new ChangeTrustRegistryStatus(ID, RegistryStatus.ACTIVE, "reopen"), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(created(), retired)
                .when(new UpdateTrustRegistry(ID, "New", null, null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void changing_to_the_same_status_is_refused() {
        fixture.given(created())
                .when(new ChangeTrustRegistryStatus(ID, RegistryStatus.ACTIVE, "again"), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void updating_keeps_the_ecosystem_did() {
        fixture.given(created())
                .when(new UpdateTrustRegistry(ID, "Edu 2", "desc", "Board 2"), BY_ACTOR)
                .expectEvents(new TrustRegistryUpdated(ID, DID, "Edu 2", "desc", "Board 2", "key-1", NOW));
    }
}
