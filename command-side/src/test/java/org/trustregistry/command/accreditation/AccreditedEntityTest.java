package org.trustregistry.command.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustregistry.shared.EntityStatus.ACTIVE;
import static org.trustregistry.shared.EntityStatus.EXPIRED;
import static org.trustregistry.shared.EntityStatus.PENDING;
import static org.trustregistry.shared.EntityStatus.REVOKED;
import static org.trustregistry.shared.EntityStatus.SUSPENDED;
import static org.trustregistry.shared.LifecycleTransition.ACTIVATE;
import static org.trustregistry.shared.LifecycleTransition.EXPIRE;
import static org.trustregistry.shared.LifecycleTransition.REINSTATE;
import static org.trustregistry.shared.LifecycleTransition.RENEW;
import static org.trustregistry.shared.LifecycleTransition.REVOKE;
import static org.trustregistry.shared.LifecycleTransition.SUSPEND;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.issuer.Issuer;
import org.trustregistry.command.verifier.Verifier;
import org.trustregistry.events.accreditation.EntityEvent;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.LifecycleTransition;
import org.trustregistry.shared.MessageMetadata;

/**
 * The lifecycle of issuers and verifiers as a specification, for each kind with its own events: every
 * legal move gives one event, every other is refused.
 */
@ParameterizedClass
@EnumSource(EntityType.class)
class AccreditedEntityTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();
    private static final UUID SCHEMA = UUID.randomUUID();
    private static final String DID = "did:web:uni.example";
    private static final String ACTOR = "key-7";
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, ACTOR);

    private final EntityType type;
    private final AccreditationEvents events;
    private AggregateTestFixture<? extends AccreditedEntity> fixture;

    AccreditedEntityTest(EntityType type) {
        this.type = type;
        this.events = AccreditationEvents.of(type);
    }

    @BeforeEach
    void setUp() {
        Class<? extends AccreditedEntity> aggregate = type == EntityType.ISSUER ? Issuer.class : Verifier.class;
        fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerAnnotatedCommandHandler(
                new AccreditedEntityCommandHandler(new AccreditedEntities(kind -> fixture.getRepository())));
    }

    private Object registered(Instant validUntil) {
        return events.registered(ID, DID, REGISTRY, new EntityProfile("Example University", null, List.of("EU"),
                List.of(), "high", SINCE, validUntil, "https://uni.example", Map.of()), ACTOR, SINCE);
    }

    private Object registered() {
        return registered(UNTIL);
    }

    /** The event of a transition from {@code from}, by {@code actor} at {@code at}. */
    private Object moved(LifecycleTransition transition, EntityStatus from, String reason, String actor, Instant at) {
        return events.statusChanged(transition, ID, DID, REGISTRY, from, reason, null, actor, at);
    }

    private Object moved(LifecycleTransition transition, EntityStatus from, String reason) {
        return moved(transition, from, reason, ACTOR, NOW);
    }

    private Object activated() {
        return moved(ACTIVATE, PENDING, null, ACTOR, Instant.parse("2026-02-01T00:00:00Z"));
    }

    private Object suspended() {
        return moved(SUSPEND, ACTIVE, "audit", ACTOR, Instant.parse("2026-03-01T00:00:00Z"));
    }

    private Object revoked() {
        return moved(REVOKE, ACTIVE, "closed", ACTOR, Instant.parse("2026-04-01T00:00:00Z"));
    }

    private Object expired() {
        return moved(EXPIRE, ACTIVE, "validUntil passed", "system", Instant.parse("2026-05-01T00:00:00Z"));
    }

    private Object expiredAt(EntityStatus from, Instant until, Instant at) {
        return moved(EXPIRE, from, "validUntil " + until + " passed", MessageMetadata.SYSTEM_ACTOR, at);
    }

    private ChangeEntityStatus changeStatus(EntityStatus target, String reason, Instant validUntil) {
        return new ChangeEntityStatus(type, ID, target, reason, validUntil);
    }

    private ExpireEntity expire() {
        return new ExpireEntity(type, ID);
    }

    @Test
    void each_kind_records_its_facts_in_events_of_its_own_under_their_stored_names() {
        String kind = type.name().toLowerCase();
        String prefix = "org.trustregistry.events." + kind + "." + type.name().charAt(0) + kind.substring(1);
        assertThat(registered().getClass().getName()).isEqualTo(prefix + "Registered");
        assertThat(events.profileUpdated(ID, DID, REGISTRY, new EntityProfile("X", null, null, null, null, null, null,
                null, null), ACTOR, NOW).getClass().getName()).isEqualTo(prefix + "ProfileUpdated");
        Map<LifecycleTransition, String> facts = Map.of(ACTIVATE, "Activated", SUSPEND, "Suspended",
                REINSTATE, "Reinstated", REVOKE, "Revoked", EXPIRE, "Expired", RENEW, "Renewed");
        for (LifecycleTransition transition : LifecycleTransition.values()) {
            EntityStatusChanged event = events.statusChanged(transition, ID, DID, REGISTRY, PENDING, "why", UNTIL,
                    ACTOR, NOW);
            assertThat(event.getClass().getName()).isEqualTo(prefix + facts.get(transition));
            assertThat(event.transition()).isEqualTo(transition);
            assertThat(event.newStatus()).isEqualTo(transition.target());
        }
        CredentialTypeRef degree = new CredentialTypeRef(SCHEMA, "Degree");
        assertThat(events.authorized(ID, DID, REGISTRY, degree, ACTOR, NOW).getClass().getName())
                .isEqualTo(prefix + "CredentialTypeAuthorized");
        assertThat(events.withdrawn(ID, DID, REGISTRY, degree, null, ACTOR, NOW).getClass().getName())
                .isEqualTo(prefix + "CredentialTypeWithdrawn");
        assertThat(((EntityEvent) registered()).entityType()).isEqualTo(type);
        assertThat(((EntityEvent) registered()).entityId()).isEqualTo(ID);
    }

    @Test
    void the_other_kind_s_id_is_no_entity_of_this_kind() {
        EntityType other = type == EntityType.ISSUER ? EntityType.VERIFIER : EntityType.ISSUER;
        fixture.given(AccreditationEvents.of(other).registered(ID, DID, REGISTRY, new EntityProfile("X", null, null,
                        null, null, null, UNTIL, null, null), ACTOR, SINCE))
                .when(changeStatus(ACTIVE, null, null), BY_ACTOR)
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    @Test
    void activating_a_pending_entity_records_who_and_when() {
        fixture.given(registered())
                .when(changeStatus(ACTIVE, null, null), BY_ACTOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved(ACTIVATE, PENDING, null));
    }

    @Test
    void suspending_an_active_entity_records_the_reason() {
        fixture.given(registered(), activated())
                .when(changeStatus(SUSPENDED, "under audit", null), BY_ACTOR)
                .expectEvents(moved(SUSPEND, ACTIVE, "under audit"));
    }

    @Test
    void reinstating_a_suspended_entity_makes_it_active_again() {
        fixture.given(registered(), activated(), suspended())
                .when(changeStatus(ACTIVE, "audit passed", null), BY_ACTOR)
                .expectEvents(moved(REINSTATE, SUSPENDED, "audit passed"));
    }

    @Test
    void revoking_is_possible_from_pending_active_suspended_and_expired() {
        fixture.given(registered())
                .when(changeStatus(REVOKED, "rejected", null), BY_ACTOR)
                .expectEvents(moved(REVOKE, PENDING, "rejected"));
        fixture.given(registered(), activated())
                .when(changeStatus(REVOKED, "closed", null), BY_ACTOR)
                .expectEvents(moved(REVOKE, ACTIVE, "closed"));
        fixture.given(registered(), activated(), suspended())
                .when(changeStatus(REVOKED, "fraud", null), BY_ACTOR)
                .expectEvents(moved(REVOKE, SUSPENDED, "fraud"));
        fixture.given(registered(), activated(), expired())
                .when(changeStatus(REVOKED, "gone", null), BY_ACTOR)
                .expectEvents(moved(REVOKE, EXPIRED, "gone"));
    }

    @Test
    void a_revoked_entity_can_never_change_status_again() {
        for (var target : List.of(ACTIVE, SUSPENDED, REVOKED, PENDING, EXPIRED)) {
            fixture.given(registered(), activated(), revoked())
                    .when(changeStatus(target, "try", UNTIL), BY_ACTOR)
                    .expectException(IllegalTransitionException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void moves_the_lifecycle_does_not_have_are_refused_without_an_event() {
        fixture.given(registered())
                .when(changeStatus(SUSPENDED, "x", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(changeStatus(ACTIVE, "again", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(changeStatus(PENDING, "back", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(changeStatus(EXPIRED, "by hand", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void suspending_or_revoking_needs_a_reason() {
        fixture.given(registered(), activated())
                .when(changeStatus(SUSPENDED, " ", null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(registered(), activated())
                .when(changeStatus(REVOKED, null, null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void an_entity_expires_only_once_its_valid_until_has_passed() {
        fixture.given(registered(NOW.plusSeconds(1)), activated())
                .when(expire())
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(registered(NOW), activated())
                .when(expire())
                .expectEvents(expiredAt(ACTIVE, NOW, NOW));
    }

    @Test
    void a_suspended_entity_expires_too_but_a_pending_one_does_not() {
        fixture.given(registered(NOW), activated(), suspended())
                .when(expire())
                .expectEvents(expiredAt(SUSPENDED, NOW, NOW));
        fixture.given(registered(NOW))
                .when(expire())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void renewing_an_expired_entity_needs_a_new_valid_until_in_the_future() {
        Instant renewedUntil = Instant.parse("2028-01-01T00:00:00Z");
        fixture.given(registered(), activated(), expired())
                .when(changeStatus(ACTIVE, "renewed accreditation", renewedUntil), BY_ACTOR)
                .expectEvents(events.statusChanged(RENEW, ID, DID, REGISTRY, EXPIRED, "renewed accreditation",
                        renewedUntil, ACTOR, NOW));
        fixture.given(registered(), activated(), expired())
                .when(changeStatus(ACTIVE, "renewed", null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(registered(), activated(), expired())
                .when(changeStatus(ACTIVE, "renewed", NOW.minusSeconds(1)), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void an_entity_past_its_valid_until_cannot_be_activated() {
        fixture.given(registered(NOW.minusSeconds(60)))
                .when(changeStatus(ACTIVE, null, null), BY_ACTOR)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void updating_the_profile_replaces_it_and_checks_the_window() {
        EntityProfile profile = new EntityProfile("Example University (renamed)", null, List.of("EU", "US"), List.of(),
                "medium", null, UNTIL, null, Map.of("tier", 2));
        fixture.given(registered(), activated())
                .when(new UpdateEntityProfile(type, ID, profile), BY_ACTOR)
                .expectEvents(events.profileUpdated(ID, DID, REGISTRY, new EntityProfile(
                        "Example University (renamed)", null, List.of("EU", "US"), List.of(), "medium", null, UNTIL,
                        null, Map.of("tier", 2)), ACTOR, NOW));
        EntityProfile backwards = new EntityProfile("X", null, null, null, null, UNTIL, UNTIL.minusSeconds(1), null,
                null);
        fixture.given(registered())
                .when(new UpdateEntityProfile(type, ID, backwards), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void a_revoked_entity_keeps_its_profile() {
        EntityProfile profile = new EntityProfile("X", null, null, null, null, null, null, null, null);
        fixture.given(registered(), revoked())
                .when(new UpdateEntityProfile(type, ID, profile), BY_ACTOR)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawing_a_credential_type_it_holds_records_the_reason() {
        CredentialTypeRef degree = new CredentialTypeRef(SCHEMA, "Degree");
        fixture.given(registered(), events.authorized(ID, DID, REGISTRY, degree, ACTOR, NOW))
                .when(new WithdrawCredentialType(type, ID, SCHEMA, "no longer accredited"), BY_ACTOR)
                .expectEvents(events.withdrawn(ID, DID, REGISTRY, degree, "no longer accredited", ACTOR, NOW));
    }

    @Test
    void withdrawing_a_credential_type_it_does_not_hold_is_unknown() {
        fixture.given(registered())
                .when(new WithdrawCredentialType(type, ID, SCHEMA, null), BY_ACTOR)
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void an_expiry_recorded_late_takes_effect_at_valid_until_itself() {
        Instant until = NOW.minusSeconds(3600);
        fixture.given(registered(until), activated())
                .when(expire())
                .expectEvents(expiredAt(ACTIVE, until, until));
    }

    @Test
    void a_change_after_valid_until_is_recorded_after_the_expiry_it_follows() {
        Instant until = NOW.minusSeconds(3600);
        fixture.given(registered(until), activated())
                .when(changeStatus(REVOKED, "closed", null), BY_ACTOR)
                .expectEvents(expiredAt(ACTIVE, until, until), moved(REVOKE, EXPIRED, "closed"));
        fixture.given(registered(until), activated())
                .when(changeStatus(SUSPENDED, "audit", null), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void moving_valid_until_into_the_past_expires_the_entity_from_the_update_on() {
        EntityProfile ended = new EntityProfile("Example University", null, List.of("EU"), List.of(), "high",
                SINCE, NOW.minusSeconds(60), "https://uni.example", Map.of());
        fixture.given(registered(), activated())
                .when(new UpdateEntityProfile(type, ID, ended), BY_ACTOR)
                .expectEvents(events.profileUpdated(ID, DID, REGISTRY, new EntityProfile("Example University", null,
                                List.of("EU"), List.of(), "high", SINCE, NOW.minusSeconds(60), "https://uni.example",
                                Map.of()), ACTOR, NOW),
                        expiredAt(ACTIVE, NOW.minusSeconds(60), NOW));
    }
}
