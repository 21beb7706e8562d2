package org.trustregistry.command.delegation;

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
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.events.delegation.DelegationGranted;
import org.trustregistry.events.delegation.DelegationLapsed;
import org.trustregistry.events.delegation.DelegationRevoked;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.MessageMetadata;

class DelegationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();
    private static final UUID DELEGATOR = UUID.randomUUID();
    private static final UUID DELEGATE = UUID.randomUUID();
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, "key-1");

    private AggregateTestFixture<Delegation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delegation.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DelegationGranted granted() {
        return new DelegationGranted(ID, REGISTRY, DELEGATOR, "did:web:a.example", DELEGATE, "did:web:b.example",
                List.of(new CredentialTypeRef(UUID.randomUUID(), "Degree")), List.of(), List.of(), null, null,
                Map.of(), 1, "key-1", NOW.minusSeconds(60));
    }

    @Test
    void revoking_records_the_reason_and_who() {
        fixture.given(granted())
                .when(new RevokeDelegation(ID, DELEGATOR, "contract ended"), BY_ACTOR)
                .expectEvents(new DelegationRevoked(ID, REGISTRY, DELEGATOR, DELEGATE, "contract ended", "key-1", NOW));
    }

    @Test
    void revoking_needs_a_reason_and_the_right_delegator() {
        fixture.given(granted())
                .when(new RevokeDelegation(ID, DELEGATOR, null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(granted())
                .when(new RevokeDelegation(ID, UUID.randomUUID(), "x"), BY_ACTOR)
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void an_ended_delegation_cannot_be_revoked() {
        fixture.given(granted(), new DelegationLapsed(ID, REGISTRY, DELEGATOR, DELEGATE, "delegator suspended",
                        "system", NOW.minusSeconds(5)))
                .when(new RevokeDelegation(ID, DELEGATOR, "x"), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void lapsing_takes_the_moment_of_the_cause_and_happens_once() {
        Instant cause = NOW.minusSeconds(2);
        fixture.given(granted())
                .when(new LapseDelegation(ID, "delegator suspended", cause))
                .expectEvents(new DelegationLapsed(ID, REGISTRY, DELEGATOR, DELEGATE, "delegator suspended", "system",
                        cause));
        fixture.given(granted(), new DelegationRevoked(ID, REGISTRY, DELEGATOR, DELEGATE, "r", "key-1", cause))
                .when(new LapseDelegation(ID, "delegator suspended", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
