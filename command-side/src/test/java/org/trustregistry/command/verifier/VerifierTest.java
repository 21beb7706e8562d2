package org.trustregistry.command.verifier;

import static org.trustregistry.shared.EntityStatus.ACTIVE;
import static org.trustregistry.shared.EntityStatus.PENDING;
import static org.trustregistry.shared.EntityStatus.REVOKED;
import static org.trustregistry.shared.EntityStatus.SUSPENDED;

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
import org.trustregistry.events.verifier.VerifierActivated;
import org.trustregistry.events.verifier.VerifierRegistered;
import org.trustregistry.events.verifier.VerifierReinstated;
import org.trustregistry.events.verifier.VerifierRevoked;
import org.trustregistry.events.verifier.VerifierSuspended;
import org.trustregistry.shared.MessageMetadata;

/** Verifiers run on the same lifecycle as issuers, with verifier events. */
class VerifierTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();
    private static final String DID = "did:web:shop.example";
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, "key-1");

    private AggregateTestFixture<Verifier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Verifier.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static VerifierRegistered registered() {
        return new VerifierRegistered(ID, DID, REGISTRY, "Shop", null, List.of(), List.of(), null, null, null, null,
                Map.of(), "key-1", NOW.minusSeconds(3600));
    }

    @Test
    void a_verifier_goes_through_activate_suspend_reinstate_revoke() {
        VerifierActivated activated = new VerifierActivated(ID, DID, REGISTRY, PENDING, ACTIVE, null, "key-1", NOW);
        fixture.given(registered())
                .when(new ChangeVerifierStatus(ID, ACTIVE, null, null), BY_ACTOR)
                .expectEvents(activated);
        VerifierSuspended suspended = new VerifierSuspended(ID, DID, REGISTRY, ACTIVE, SUSPENDED, "check", "key-1", NOW);
        fixture.given(registered(), activated)
                .when(new ChangeVerifierStatus(ID, SUSPENDED, "check", null), BY_ACTOR)
                .expectEvents(suspended);
        fixture.given(registered(), activated, suspended)
                .when(new ChangeVerifierStatus(ID, ACTIVE, "ok", null), BY_ACTOR)
                .expectEvents(new VerifierReinstated(ID, DID, REGISTRY, SUSPENDED, ACTIVE, "ok", "key-1", NOW));
        fixture.given(registered(), activated)
                .when(new ChangeVerifierStatus(ID, REVOKED, "closed", null), BY_ACTOR)
                .expectEvents(new VerifierRevoked(ID, DID, REGISTRY, ACTIVE, REVOKED, "closed", "key-1", NOW));
    }

    @Test
    void a_pending_verifier_cannot_be_suspended() {
        fixture.given(registered())
                .when(new ChangeVerifierStatus(ID, SUSPENDED, "x", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }
}
