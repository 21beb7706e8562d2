package org.trustregistry.command.common.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.trustregistry.shared.MessageMetadata;

/** The rule book as a specification: who may send a command of each kind of rule, and what a refusal says. */
class CommandAccessTest {

    private static final UUID OWN = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    record Unruled() {
    }

    record CreateThing() {
    }

    record ExpireThing() {
    }

    record ChangeThing(UUID thingId) {
    }

    record LinkThings(UUID from, UUID to) {
    }

    /** Things 1.. belong to registries as this map says; an id it does not know is no thing. */
    private final Map<UUID, UUID> registryOfThing = new java.util.HashMap<>();

    private final CommandAccess access = new CommandAccess(List.of(rules -> rules
            .adminOnly(CreateThing.class, "Only an admin may create things")
            .systemOnly(ExpireThing.class, "Only the registry itself expires things")
            .ownerMay(ChangeThing.class, "change", c -> thing(c.thingId()))
            .ownerMayEach(LinkThings.class, "link", c -> List.of(thing(c.from()), thing(c.to())))),
            new StaticListableBeanFactory().getBeanProvider(RequestActor.class));

    private Optional<Target> thing(UUID id) {
        return Target.belongingTo("thing " + id, Optional.ofNullable(registryOfThing.get(id)));
    }

    private static Actor admin() {
        return new Actor("key-1", Actor.Role.ADMIN, null);
    }

    private static Actor system() {
        return new Actor(MessageMetadata.SYSTEM_ACTOR, Actor.Role.SYSTEM, null);
    }

    private static Actor owner(UUID registry) {
        return new Actor("key-2", Actor.Role.REGISTRY_OWNER, registry);
    }

    private UUID thingOf(UUID registry) {
        UUID id = UUID.randomUUID();
        registryOfThing.put(id, registry);
        return id;
    }

    @Test
    void admins_and_the_registry_itself_may_send_what_has_no_rule_and_nobody_else() {
        assertThatCode(() -> access.check(new Unruled(), admin())).doesNotThrowAnyException();
        assertThatCode(() -> access.check(new Unruled(), system())).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.check(new Unruled(), owner(OWN)))
                .isInstanceOf(AccessRefusedException.class).hasMessage("Only an admin may make this change");
        assertThat(access.hasRule(Unruled.class)).isFalse();
    }

    @Test
    void an_admin_only_command_is_refused_to_an_owner_with_the_rule_s_own_words() {
        assertThatCode(() -> access.check(new CreateThing(), admin())).doesNotThrowAnyException();
        assertThatCode(() -> access.check(new CreateThing(), system())).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.check(new CreateThing(), owner(OWN)))
                .isInstanceOf(AccessRefusedException.class).hasMessage("Only an admin may create things");
    }

    @Test
    void a_system_only_command_is_refused_even_to_an_admin() {
        assertThatCode(() -> access.check(new ExpireThing(), system())).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.check(new ExpireThing(), admin()))
                .isInstanceOf(AccessRefusedException.class).hasMessage("Only the registry itself expires things");
        assertThatThrownBy(() -> access.check(new ExpireThing(), owner(OWN))).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void an_owner_changes_what_belongs_to_its_registry_and_is_told_whose_the_rest_is() {
        UUID own = thingOf(OWN);
        UUID foreign = thingOf(OTHER);
        assertThatCode(() -> access.check(new ChangeThing(own), owner(OWN))).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.check(new ChangeThing(foreign), owner(OWN)))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("A registry_owner key of registry " + OWN + " may not change thing " + foreign
                        + ", which belongs to registry " + OTHER);
        assertThatCode(() -> access.check(new ChangeThing(foreign), admin())).doesNotThrowAnyException();
    }

    @Test
    void an_owner_must_own_everything_a_command_touches() {
        UUID own = thingOf(OWN);
        UUID foreign = thingOf(OTHER);
        assertThatCode(() -> access.check(new LinkThings(own, thingOf(OWN)), owner(OWN))).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.check(new LinkThings(own, foreign), owner(OWN)))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("link thing " + foreign);
        assertThatThrownBy(() -> access.check(new LinkThings(foreign, own), owner(OWN)))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("link thing " + foreign);
    }

    @Test
    void a_target_that_does_not_exist_is_left_to_the_handler_which_answers_not_found() {
        assertThatCode(() -> access.check(new ChangeThing(UUID.randomUUID()), owner(OWN))).doesNotThrowAnyException();
    }

    @Test
    void an_auditor_a_missing_role_and_an_owner_key_without_registry_may_send_nothing() {
        UUID own = thingOf(OWN);
        assertThatThrownBy(() -> access.check(new ChangeThing(own), new Actor("key-3", Actor.Role.AUDITOR, null)))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("auditor");
        assertThatThrownBy(() -> access.check(new ChangeThing(own), new Actor("key-4", null, OWN)))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> access.check(new Unruled(), new Actor(null, null, null)))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> access.check(new ChangeThing(own), owner(null)))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("scoped to no registry");
    }

    @Test
    void the_actor_is_read_from_the_metadata_and_an_unknown_role_is_none() {
        Actor owner = Actor.from(Map.of(MessageMetadata.ACTOR_ID, "key-5", MessageMetadata.ACTOR_ROLE, "registry_owner",
                MessageMetadata.ACTOR_REGISTRY, OWN.toString()));
        assertThat(owner).isEqualTo(new Actor("key-5", Actor.Role.REGISTRY_OWNER, OWN));
        assertThat(Actor.from(Map.of(MessageMetadata.ACTOR_ROLE, "root")).role()).isNull();
        assertThat(Actor.from(Map.of(MessageMetadata.ACTOR_ROLE, "Admin")).role()).isNull();
        assertThat(Actor.from(Map.of()).role()).isNull();
        assertThat(Actor.from(Map.of(MessageMetadata.ACTOR_ROLE, "system")).role()).isEqualTo(Actor.Role.SYSTEM);
    }

    @Test
    void a_command_type_has_one_rule() {
        assertThatThrownBy(() -> new CommandAccess(List.of(
                rules -> rules.adminOnly(CreateThing.class, "one"),
                rules -> rules.ownerMay(CreateThing.class, "create", c -> Optional.empty())),
                new StaticListableBeanFactory().getBeanProvider(RequestActor.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Two access rules");
    }

    @Test
    void before_sending_without_a_request_there_is_no_role_and_nothing_is_allowed() {
        assertThatThrownBy(() -> access.checkBeforeSending(new Unruled())).isInstanceOf(AccessRefusedException.class);
    }
}
