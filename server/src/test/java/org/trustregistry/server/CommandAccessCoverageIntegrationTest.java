package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.trustregistry.command.accreditation.ExpireEntity;
import org.trustregistry.command.accreditation.RegisterEntity;
import org.trustregistry.command.common.access.Actor;
import org.trustregistry.command.common.access.CommandAccess;
import org.trustregistry.command.delegation.LapseDelegation;
import org.trustregistry.command.did.UpdateDidService;
import org.trustregistry.command.registry.CreateTrustRegistry;
import org.trustregistry.server.security.Role;

/**
 * No command can silently be open, or silently be admin-only: every command type that a
 * {@code @CommandHandler} anywhere in the application handles has a rule of its own in the command side's
 * rule book (an owner's rule, or knowingly admin-only or system-only), and the rule book names no command
 * nobody handles. A new command fails here until its package's {@code CommandAccessRules} decides.
 */
class CommandAccessCoverageIntegrationTest extends IntegrationTest {

    @Autowired
    private CommandAccess access;
    @Autowired
    private CommandBus commandBus;

    @Test
    void every_command_type_handled_anywhere_has_a_rule_of_its_own() throws Exception {
        Set<Class<?>> handled = handledCommandTypes();
        assertThat(handled).as("command types of the @CommandHandlers found").hasSizeGreaterThan(30)
                .contains(CreateTrustRegistry.class, RegisterEntity.class, UpdateDidService.class, ExpireEntity.class,
                        LapseDelegation.class);
        assertThat(names(handled.stream().filter(type -> !access.hasRule(type))))
                .as("command types without an access rule: decide who may send them and say so in the "
                        + "CommandAccessRules of their package")
                .isEmpty();
        assertThat(names(access.ruledTypes().stream().filter(type -> !handled.contains(type))))
                .as("access rules for commands no handler takes").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_command_bus_handles_exactly_the_command_types_found() throws Exception {
        assertThat(commandBus).isInstanceOf(SimpleCommandBus.class);
        Field subscriptions = SimpleCommandBus.class.getDeclaredField("subscriptions");
        subscriptions.setAccessible(true);
        Set<String> subscribed = new TreeSet<>(((Map<String, ?>) subscriptions.get(commandBus)).keySet());
        assertThat(subscribed).as("what the bus dispatches is what the scan found")
                .isEqualTo(names(handledCommandTypes().stream()));
    }

    @Test
    void every_role_a_key_can_have_is_known_to_the_command_side() {
        for (Role role : Role.values()) {
            assertThat(Actor.Role.of(role.value())).as(role.value()).isPresent();
        }
    }

    /** The payload type of every @CommandHandler method or constructor in our classes. */
    private static Set<Class<?>> handledCommandTypes() throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        Set<Class<?>> types = new java.util.HashSet<>();
        for (Resource resource : resolver.getResources("classpath*:org/trustregistry/**/*.class")) {
            String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            Class<?> type = Class.forName(name, false, CommandAccessCoverageIntegrationTest.class.getClassLoader());
            List<Executable> handlers = new ArrayList<>(List.of(type.getDeclaredMethods()));
            handlers.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable handler : handlers) {
                CommandHandler annotation = handler.getAnnotation(CommandHandler.class);
                if (annotation != null) {
                    types.add(annotation.payloadType() != Object.class ? annotation.payloadType()
                            : handler.getParameterTypes()[0]);
                }
            }
        }
        return types;
    }

    private static Set<String> names(Stream<Class<?>> types) {
        return types.map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }
}
