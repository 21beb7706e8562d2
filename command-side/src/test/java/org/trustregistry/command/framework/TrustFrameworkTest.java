package org.trustregistry.command.framework;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.events.framework.TrustFrameworkCreated;
import org.trustregistry.events.framework.TrustFrameworkStatusChanged;
import org.trustregistry.events.framework.TrustFrameworkUpdated;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.TrustFrameworkStatus;

class TrustFrameworkTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, "key-1");

    private AggregateTestFixture<TrustFramework> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrustFramework.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TrustFrameworkCreated created() {
        return new TrustFrameworkCreated(ID, "EU Education", "1.0", null, "https://gf.example", List.of(),
                List.of("EU"), List.of(), "key-1", NOW.minusSeconds(60));
    }

    private static TrustFrameworkStatusChanged changed(TrustFrameworkStatus from, TrustFrameworkStatus to) {
        return new TrustFrameworkStatusChanged(ID, from, to, "why", "key-1", NOW);
    }

    @Test
    void a_framework_is_deprecated_then_retired() {
        fixture.given(created())
                .when(new ChangeTrustFrameworkStatus(ID, TrustFrameworkStatus.DEPRECATED, "why"), BY_ACTOR)
                .expectEvents(changed(TrustFrameworkStatus.ACTIVE, TrustFrameworkStatus.DEPRECATED));
        fixture.given(created(), changed(TrustFrameworkStatus.ACTIVE, TrustFrameworkStatus.DEPRECATED))
                .when(new ChangeTrustFrameworkStatus(ID, TrustFrameworkStatus.RETIRED, "why"), BY_ACTOR)
                .expectEvents(changed(TrustFrameworkStatus.DEPRECATED, TrustFrameworkStatus.RETIRED));
    }

    @Test
    void the_status_only_moves_forward_and_retired_is_final() {
        fixture.given(created())
                .when(new ChangeTrustFrameworkStatus(ID, TrustFrameworkStatus.RETIRED, "skip"), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(created(), changed(TrustFrameworkStatus.ACTIVE, TrustFrameworkStatus.DEPRECATED))
                .when(new ChangeTrustFrameworkStatus(ID, TrustFrameworkStatus.ACTIVE, "back"), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(created(), changed(TrustFrameworkStatus.ACTIVE, TrustFrameworkStatus.DEPRECATED),
                        changed(TrustFrameworkStatus.DEPRECATED, TrustFrameworkStatus.RETIRED))
                .when(new UpdateTrustFramework(ID, "New name", null, null, null, null, null, null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void updating_replaces_the_description() {
        fixture.given(created())
                .when(new UpdateTrustFramework(ID, "EU Education 2", "2.0", "d", null, List.of("https://la.example"),
                        null, null), BY_ACTOR)
                .expectEvents(new TrustFrameworkUpdated(ID, "EU Education 2", "2.0", "d", null,
                        List.of("https://la.example"), List.of(), List.of(), "key-1", NOW));
    }
}
