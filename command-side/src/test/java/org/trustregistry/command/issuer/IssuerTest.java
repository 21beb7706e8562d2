package org.trustregistry.command.issuer;

import static org.trustregistry.shared.EntityStatus.ACTIVE;
import static org.trustregistry.shared.EntityStatus.EXPIRED;
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
import org.trustregistry.command.accreditation.EntityProfile;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.events.issuer.IssuerActivated;
import org.trustregistry.events.issuer.IssuerCredentialTypeAuthorized;
import org.trustregistry.events.issuer.IssuerCredentialTypeWithdrawn;
import org.trustregistry.events.issuer.IssuerExpired;
import org.trustregistry.events.issuer.IssuerProfileUpdated;
import org.trustregistry.events.issuer.IssuerRegistered;
import org.trustregistry.events.issuer.IssuerReinstated;
import org.trustregistry.events.issuer.IssuerRenewed;
import org.trustregistry.events.issuer.IssuerRevoked;
import org.trustregistry.events.issuer.IssuerSuspended;
import org.trustregistry.shared.MessageMetadata;

/** The issuer lifecycle as a specification: every legal move gives one event, every other is refused. */
class IssuerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();
    private static final UUID SCHEMA = UUID.randomUUID();
    private static final String DID = "did:web:uni.example";
    private static final String ACTOR = "key-7";
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, ACTOR);

    private AggregateTestFixture<Issuer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Issuer.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IssuerRegistered registered(Instant validUntil) {
        return new IssuerRegistered(ID, DID, REGISTRY, "Example University", null, List.of("EU"), List.of(), "high",
                Instant.parse("2026-01-01T00:00:00Z"), validUntil, "https://uni.example", Map.of(), ACTOR,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static IssuerRegistered registered() {
        return registered(UNTIL);
    }

    private static IssuerActivated activated() {
        return new IssuerActivated(ID, DID, REGISTRY, PENDING, ACTIVE, null, ACTOR, Instant.parse("2026-02-01T00:00:00Z"));
    }

    private static IssuerSuspended suspended() {
        return new IssuerSuspended(ID, DID, REGISTRY, ACTIVE, SUSPENDED, "audit", ACTOR,
                Instant.parse("2026-03-01T00:00:00Z"));
    }

    private static IssuerRevoked revoked() {
        return new IssuerRevoked(ID, DID, REGISTRY, ACTIVE, REVOKED, "closed", ACTOR,
                Instant.parse("2026-04-01T00:00:00Z"));
    }

    private static IssuerExpired expired() {
        return new IssuerExpired(ID, DID, REGISTRY, ACTIVE, EXPIRED, "validUntil passed", "system",
                Instant.parse("2026-05-01T00:00:00Z"));
    }

    @Test
    void activating_a_pending_issuer_records_who_and_when() {
        fixture.given(registered())
                .when(new ChangeIssuerStatus(ID, ACTIVE, null, null), BY_ACTOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IssuerActivated(ID, DID, REGISTRY, PENDING, ACTIVE, null, ACTOR, NOW));
    }

    @Test
    void suspending_an_active_issuer_records_the_reason() {
        fixture.given(registered(), activated())
                .when(new ChangeIssuerStatus(ID, SUSPENDED, "under audit", null), BY_ACTOR)
                .expectEvents(new IssuerSuspended(ID, DID, REGISTRY, ACTIVE, SUSPENDED, "under audit", ACTOR, NOW));
    }

    @Test
    void reinstating_a_suspended_issuer_makes_it_active_again() {
        fixture.given(registered(), activated(), suspended())
                .when(new ChangeIssuerStatus(ID, ACTIVE, "audit passed", null), BY_ACTOR)
                .expectEvents(new IssuerReinstated(ID, DID, REGISTRY, SUSPENDED, ACTIVE, "audit passed", ACTOR, NOW));
    }

    @Test
    void revoking_is_possible_from_pending_active_suspended_and_expired() {
        fixture.given(registered())
                .when(new ChangeIssuerStatus(ID, REVOKED, "rejected", null), BY_ACTOR)
                .expectEvents(new IssuerRevoked(ID, DID, REGISTRY, PENDING, REVOKED, "rejected", ACTOR, NOW));
        fixture.given(registered(), activated(), suspended())
                .when(new ChangeIssuerStatus(ID, REVOKED, "fraud", null), BY_ACTOR)
                .expectEvents(new IssuerRevoked(ID, DID, REGISTRY, SUSPENDED, REVOKED, "fraud", ACTOR, NOW));
        fixture.given(registered(), activated(), expired())
                .when(new ChangeIssuerStatus(ID, REVOKED, "gone", null), BY_ACTOR)
                .expectEvents(new IssuerRevoked(ID, DID, REGISTRY, EXPIRED, REVOKED, "gone", ACTOR, NOW));
    }

    @Test
    void a_revoked_issuer_can_never_change_status_again() {
        for (var target : List.of(ACTIVE, SUSPENDED, REVOKED, PENDING, EXPIRED)) {
            fixture.given(registered(), activated(), revoked())
                    .when(new ChangeIssuerStatus(ID, target, "try", UNTIL), BY_ACTOR)
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void moves_the_lifecycle_does_not_have_are_refused_without_an_event() {
        fixture.given(registered())
                .when(new ChangeIssuerStatus(ID, SUSPENDED, "x", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(new ChangeIssuerStatus(ID, ACTIVE, "again", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(new ChangeIssuerStatus(ID, PENDING, "back", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(new ChangeIssuerStatus(ID, EXPIRED, "by hand", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void suspending_or_revoking_needs_a_reason() {
        fixture.given(registered(), activated())
                .when(new ChangeIssuerStatus(ID, SUSPENDED, " ", null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(new ChangeIssuerStatus(ID, REVOKED, null, null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void an_issuer_expires_only_once_its_valid_until_has_passed() {
        fixture.given(registered(NOW.plusSeconds(1)), activated())
                .when(new ExpireIssuer(ID))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(registered(NOW), activated())
                .when(new ExpireIssuer(ID))
                .expectEvents(new IssuerExpired(ID, DID, REGISTRY, ACTIVE, EXPIRED, "validUntil " + NOW + " passed",
                        MessageMetadata.SYSTEM_ACTOR, NOW));
    }

    @Test
    void a_suspended_issuer_expires_too_but_a_pending_one_does_not() {
        fixture.given(registered(NOW), activated(), suspended())
                .when(new ExpireIssuer(ID))
                .expectEvents(new IssuerExpired(ID, DID, REGISTRY, SUSPENDED, EXPIRED, "validUntil " + NOW + " passed",
                        MessageMetadata.SYSTEM_ACTOR, NOW));
        fixture.given(registered(NOW))
                .when(new ExpireIssuer(ID))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void renewing_an_expired_issuer_needs_a_new_valid_until_in_the_future() {
        Instant renewedUntil = Instant.parse("2028-01-01T00:00:00Z");
        fixture.given(registered(), activated(), expired())
                .when(new ChangeIssuerStatus(ID, ACTIVE, "renewed accreditation", renewedUntil), BY_ACTOR)
                .expectEvents(new IssuerRenewed(ID, DID, REGISTRY, EXPIRED, ACTIVE, "renewed accreditation",
                        renewedUntil, ACTOR, NOW));
        fixture.given(registered(), activated(), expired())
                .when(new ChangeIssuerStatus(ID, ACTIVE, "renewed", null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(registered(), activated(), expired())
                .when(new ChangeIssuerStatus(ID, ACTIVE, "renewed", NOW.minusSeconds(1)), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void an_issuer_past_its_valid_until_cannot_be_activated() {
        fixture.given(registered(NOW.minusSeconds(60)))
                .when(new ChangeIssuerStatus(ID, ACTIVE, null, null), BY_ACTOR)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void updating_the_profile_replaces_it_and_checks_the_window() {
        EntityProfile profile = new EntityProfile("Example University (renamed)", null, List.of("EU", "US"), List.of(),
                "medium", null, UNTIL, null, Map.of("tier", 2));
        fixture.given(registered(), activated())
                .when(new UpdateIssuerProfile(ID, profile), BY_ACTOR)
                .expectEvents(new IssuerProfileUpdated(ID, DID, REGISTRY, "Example University (renamed)", null,
                        List.of("EU", "US"), List.of(), "medium", null, UNTIL, null, Map.of("tier", 2), ACTOR, NOW));
        EntityProfile backwards = new EntityProfile("X", null, null, null, null, UNTIL, UNTIL.minusSeconds(1), null,
                null);
        fixture.given(registered())
                .when(new UpdateIssuerProfile(ID, backwards), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void a_revoked_issuer_keeps_its_profile() {
        EntityProfile profile = new EntityProfile("X", null, null, null, null, null, null, null, null);
        fixture.given(registered(), revoked())
                .when(new UpdateIssuerProfile(ID, profile), BY_ACTOR)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawing_a_credential_type_it_holds_records_the_reason() {
        fixture.given(registered(), new IssuerCredentialTypeAuthorized(ID, DID, REGISTRY, SCHEMA, "Degree", ACTOR, NOW))
                .when(new WithdrawIssuerCredentialType(ID, SCHEMA, "no longer accredited"), BY_ACTOR)
                .expectEvents(new IssuerCredentialTypeWithdrawn(ID, DID, REGISTRY, SCHEMA, "Degree",
                        "no longer accredited", ACTOR, NOW));
    }

    @Test
    void withdrawing_a_credential_type_it_does_not_hold_is_unknown() {
        fixture.given(registered())
                .when(new WithdrawIssuerCredentialType(ID, SCHEMA, null), BY_ACTOR)
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void an_expiry_recorded_late_takes_effect_at_valid_until_itself() {
        Instant until = NOW.minusSeconds(3600);
        fixture.given(registered(until), activated())
                .when(new ExpireIssuer(ID))
                .expectEvents(new IssuerExpired(ID, DID, REGISTRY, ACTIVE, EXPIRED, "validUntil " + until + " passed",
                        MessageMetadata.SYSTEM_ACTOR, until));
    }

    @Test
    void a_change_after_valid_until_is_recorded_after_the_expiry_it_follows() {
        Instant until = NOW.minusSeconds(3600);
        fixture.given(registered(until), activated())
                .when(new ChangeIssuerStatus(ID, REVOKED, "closed", null), BY_ACTOR)
                .expectEvents(new IssuerExpired(ID, DID, REGISTRY, ACTIVE, EXPIRED, "validUntil " + until + " passed",
                                MessageMetadata.SYSTEM_ACTOR, until),
                        new IssuerRevoked(ID, DID, REGISTRY, EXPIRED, REVOKED, "closed", ACTOR, NOW));
        fixture.given(registered(until), activated())
                .when(new ChangeIssuerStatus(ID, SUSPENDED, "audit", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void moving_valid_until_into_the_past_expires_the_issuer_from_the_update_on() {
        EntityProfile ended = new EntityProfile("Example University", null, List.of("EU"), List.of(), "high",
                Instant.parse("2026-01-01T00:00:00Z"), NOW.minusSeconds(60), "https://uni.example", Map.of());
        fixture.given(registered(), activated())
                .when(new UpdateIssuerProfile(ID, ended), BY_ACTOR)
                .expectEvents(new IssuerProfileUpdated(ID, DID, REGISTRY, "Example University", null, List.of("EU"),
                                List.of(), "high", Instant.parse("2026-01-01T00:00:00Z"), NOW.minusSeconds(60),
                                "https://uni.example", Map.of(), ACTOR, NOW),
                        new IssuerExpired(ID, DID, REGISTRY, ACTIVE, EXPIRED,
                                "validUntil " + NOW.minusSeconds(60) + " passed", MessageMetadata.SYSTEM_ACTOR, NOW));
    }
}
