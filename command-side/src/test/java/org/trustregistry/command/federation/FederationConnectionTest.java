package org.trustregistry.command.federation;

import static org.trustregistry.shared.FederationStatus.ACTIVE;
import static org.trustregistry.shared.FederationStatus.SUSPENDED;
import static org.trustregistry.shared.FederationStatus.TERMINATED;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.events.federation.FederationConnectionStatusChanged;
import org.trustregistry.shared.FederationStatus;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.RecognitionScope;
import org.trustregistry.shared.RemoteRegistryType;

/**
 * A federation connection: what it accepts when established, and its lifecycle (ACTIVE <-> SUSPENDED,
 * either -> TERMINATED, which is final).
 */
class FederationConnectionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();
    private static final String REMOTE = "did:web:remote.example";
    private static final String OWN = "did:web:own.example";
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, "key-1");

    private AggregateTestFixture<FederationConnection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FederationConnection.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerAnnotatedCommandHandler(new Establishment());
    }

    /**
     * Stands in for {@link FederationConnectionEstablishment} (whose registry and catalog checks need the
     * database): the registry of the connection holds {@link #OWN}.
     */
    private class Establishment {
        @CommandHandler
        FederationConnectionState handle(EstablishFederationConnection command) throws Exception {
            return fixture.getRepository().newInstance(() -> new FederationConnection(command, OWN, "key-1", NOW))
                    .invoke(FederationConnection::state);
        }
    }

    private static EstablishFederationConnection establish(String remoteDid, List<RecognitionScope> recognitions,
                                                           String endpoint, Instant validFrom, Instant validUntil) {
        return new EstablishFederationConnection(ID, REGISTRY, remoteDid, "Remote", endpoint, RemoteRegistryType.TOIP,
                "high", "https://remote.example/agreement", recognitions, validFrom, validUntil);
    }

    private static List<RecognitionScope> degree() {
        return List.of(new RecognitionScope("issue", "UniversityDegreeCredential"));
    }

    @Test
    void establishing_a_connection_records_its_terms_as_active() {
        Instant from = Instant.parse("2026-01-01T00:00:00.123456789Z");
        Instant until = Instant.parse("2027-01-01T00:00:00Z");
        RecognitionScope verify = new RecognitionScope("verify", "UniversityDegreeCredential");
        fixture.givenNoPriorActivity()
                .when(establish(REMOTE, List.of(degree().get(0), verify, degree().get(0)),
                        "https://remote.example/trqp", from, until))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FederationConnectionEstablished(ID, REGISTRY, REMOTE, "Remote",
                        "https://remote.example/trqp", RemoteRegistryType.TOIP, "high",
                        "https://remote.example/agreement", List.of(degree().get(0), verify),
                        Instant.parse("2026-01-01T00:00:00.123456Z"), until, ACTIVE, "key-1", NOW));
    }

    @Test
    void a_registry_cannot_federate_with_its_own_ecosystem_did() {
        fixture.givenNoPriorActivity()
                .when(establish(OWN, degree(), null, null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void the_remote_did_must_be_a_did() {
        fixture.givenNoPriorActivity()
                .when(establish("https://remote.example", degree(), null, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void at_least_one_complete_recognition_scope_is_required() {
        for (List<RecognitionScope> scopes : List.of(List.<RecognitionScope>of(),
                List.of(new RecognitionScope(" ", "UniversityDegreeCredential")),
                List.of(new RecognitionScope("issue", null)))) {
            fixture.givenNoPriorActivity()
                    .when(establish(REMOTE, scopes, null, null, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void the_validity_window_must_be_ordered_and_urls_absolute() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        fixture.givenNoPriorActivity()
                .when(establish(REMOTE, degree(), null, t, t))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(establish(REMOTE, degree(), "remote.example/trqp", null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    private static FederationConnectionEstablished established() {
        return new FederationConnectionEstablished(ID, REGISTRY, REMOTE, "Remote", "https://remote.example/trqp",
                RemoteRegistryType.TOIP, "high", "https://remote.example/agreement",
                List.of(new RecognitionScope("issue", "UniversityDegreeCredential")), null, null, ACTIVE, "key-1",
                NOW.minusSeconds(60));
    }

    private static FederationConnectionStatusChanged changed(FederationStatus from, FederationStatus to) {
        return new FederationConnectionStatusChanged(ID, REGISTRY, REMOTE, from, to, "because", "key-1",
                NOW.minusSeconds(30));
    }

    @Test
    void suspending_an_active_connection_records_previous_and_new_status_reason_actor_and_time() {
        fixture.given(established())
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, SUSPENDED, "agreement under review"),
                        BY_ACTOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FederationConnectionStatusChanged(ID, REGISTRY, REMOTE, ACTIVE, SUSPENDED,
                        "agreement under review", "key-1", NOW));
    }

    @Test
    void a_suspended_connection_is_reactivated() {
        fixture.given(established(), changed(ACTIVE, SUSPENDED))
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, ACTIVE, "review passed"), BY_ACTOR)
                .expectEvents(new FederationConnectionStatusChanged(ID, REGISTRY, REMOTE, SUSPENDED, ACTIVE,
                        "review passed", "key-1", NOW));
    }

    @Test
    void an_active_connection_is_terminated() {
        fixture.given(established())
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, TERMINATED, "agreement ended"), BY_ACTOR)
                .expectEvents(new FederationConnectionStatusChanged(ID, REGISTRY, REMOTE, ACTIVE, TERMINATED,
                        "agreement ended", "key-1", NOW));
    }

    @Test
    void a_suspended_connection_is_terminated() {
        fixture.given(established(), changed(ACTIVE, SUSPENDED))
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, TERMINATED, "never resumed"), BY_ACTOR)
                .expectEvents(new FederationConnectionStatusChanged(ID, REGISTRY, REMOTE, SUSPENDED, TERMINATED,
                        "never resumed", "key-1", NOW));
    }

    @Test
    void a_change_without_an_actor_is_the_systems() {
        fixture.given(established())
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, SUSPENDED, "outage"))
                .expectEvents(new FederationConnectionStatusChanged(ID, REGISTRY, REMOTE, ACTIVE, SUSPENDED, "outage",
                        MessageMetadata.SYSTEM_ACTOR, NOW));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({"ACTIVE, ACTIVE", "SUSPENDED, SUSPENDED", "TERMINATED, ACTIVE", "TERMINATED, SUSPENDED",
            "TERMINATED, TERMINATED"})
    void illegal_moves_are_refused_and_record_nothing(FederationStatus from, FederationStatus to) {
        fixture.given(history(from))
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, to, "please"), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void every_status_change_needs_a_reason() {
        fixture.given(established())
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, SUSPENDED, " "), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(established())
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, TERMINATED, null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void a_target_status_is_required() {
        fixture.given(established())
                .when(new ChangeFederationConnectionStatus(ID, REGISTRY, null, "why"), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void another_registry_does_not_know_the_connection() {
        fixture.given(established())
                .when(new ChangeFederationConnectionStatus(ID, UUID.randomUUID(), SUSPENDED, "not mine"), BY_ACTOR)
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    private static Object[] history(FederationStatus status) {
        return switch (status) {
            case ACTIVE -> new Object[] {established()};
            case SUSPENDED -> new Object[] {established(), changed(ACTIVE, SUSPENDED)};
            case TERMINATED -> new Object[] {established(), changed(ACTIVE, TERMINATED)};
        };
    }
}
