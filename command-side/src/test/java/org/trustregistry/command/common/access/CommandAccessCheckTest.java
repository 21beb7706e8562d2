package org.trustregistry.command.common.access;

import static org.trustregistry.shared.EntityStatus.ACTIVE;
import static org.trustregistry.shared.EntityStatus.PENDING;
import static org.trustregistry.shared.EntityType.ISSUER;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.trustregistry.command.accreditation.AccreditedEntities;
import org.trustregistry.command.accreditation.AccreditedEntityCommandHandler;
import org.trustregistry.command.accreditation.ChangeEntityStatus;
import org.trustregistry.command.accreditation.ExpireEntity;
import org.trustregistry.command.issuer.Issuer;
import org.trustregistry.events.issuer.IssuerActivated;
import org.trustregistry.events.issuer.IssuerRegistered;
import org.trustregistry.shared.MessageMetadata;

/**
 * The check on the command bus, in front of a handler: a command the actor may not send never reaches
 * the aggregate and produces no event; one it may send is handled as usual.
 */
class CommandAccessCheckTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();
    private static final String DID = "did:web:uni.example";

    private AggregateTestFixture<Issuer> fixture;

    @BeforeEach
    void setUp() {
        CommandAccess access = new CommandAccess(List.of(rules -> rules
                .ownerMay(ChangeEntityStatus.class, "change the status of",
                        c -> Target.belongingTo("issuer " + c.entityId(), Optional.of(REGISTRY)))
                .systemOnly(ExpireEntity.class, "Only the registry itself expires an issuer")),
                new StaticListableBeanFactory().getBeanProvider(RequestActor.class));
        fixture = new AggregateTestFixture<>(Issuer.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerCommandHandlerInterceptor(new CommandAccessCheck(access));
        fixture.registerAnnotatedCommandHandler(
                new AccreditedEntityCommandHandler(new AccreditedEntities(type -> fixture.getRepository())));
    }

    private static IssuerRegistered registered() {
        return new IssuerRegistered(ID, DID, REGISTRY, "Example University", null, List.of(), List.of(), null,
                null, Instant.parse("2027-01-01T00:00:00Z"), null, Map.of(), "key-1",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Map<String, Object> as(String role, UUID registry) {
        return registry == null ? Map.of(MessageMetadata.ACTOR_ID, "key-7", MessageMetadata.ACTOR_ROLE, role)
                : Map.of(MessageMetadata.ACTOR_ID, "key-7", MessageMetadata.ACTOR_ROLE, role,
                        MessageMetadata.ACTOR_REGISTRY, registry.toString());
    }

    @Test
    void the_owner_of_the_issuer_s_registry_activates_it() {
        fixture.given(registered())
                .when(new ChangeEntityStatus(ISSUER, ID, ACTIVE, null, null), as("registry_owner", REGISTRY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IssuerActivated(ID, DID, REGISTRY, PENDING, ACTIVE, null, "key-7", NOW));
    }

    @Test
    void the_owner_of_another_registry_is_refused_before_the_issuer_decides_and_nothing_happens() {
        UUID other = UUID.randomUUID();
        fixture.given(registered())
                .when(new ChangeEntityStatus(ISSUER, ID, ACTIVE, null, null), as("registry_owner", other))
                .expectException(AccessRefusedException.class)
                .expectExceptionMessage("A registry_owner key of registry " + other + " may not change the status of "
                        + "issuer " + ID + ", which belongs to registry " + REGISTRY)
                .expectNoEvents();
    }

    @Test
    void an_auditor_and_a_command_without_a_role_change_nothing() {
        fixture.given(registered())
                .when(new ChangeEntityStatus(ISSUER, ID, ACTIVE, null, null), as("auditor", null))
                .expectException(AccessRefusedException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new ChangeEntityStatus(ISSUER, ID, ACTIVE, null, null), Map.of(MessageMetadata.ACTOR_ID, "key-8"))
                .expectException(AccessRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void not_even_an_admin_sends_what_only_the_registry_itself_does() {
        fixture.given(registered())
                .when(new ExpireEntity(ISSUER, ID), as("admin", null))
                .expectException(AccessRefusedException.class)
                .expectNoEvents();
    }
}
