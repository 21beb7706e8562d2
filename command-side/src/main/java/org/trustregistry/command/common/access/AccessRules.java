package org.trustregistry.command.common.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rule book being written: one rule per command type, added by the packages' {@link CommandAccessRules}.
 * Admins and the registry itself may send every command but the system-only ones (the registry's own acts);
 * auditors none; a registry owner only those its rule lets it send, for its own registry.
 */
public final class AccessRules {

    /** What one command type allows beyond admin and system. */
    sealed interface Rule permits AdminOnly, SystemOnly, OwnerMay {
    }

    /** Admins (and the registry itself) only; {@code refusal} says so to anyone else. */
    record AdminOnly(String refusal) implements Rule {
    }

    /** Sent by the registry itself only, never by an operator; {@code refusal} says so. */
    record SystemOnly(String refusal) implements Rule {
    }

    /**
     * Also the registry owner of every target the command touches: "A registry_owner key of registry X
     * may not {@code action} {@link Target#phrase()}" otherwise.
     */
    record OwnerMay(String action, Function<Object, List<Optional<Target>>> targets) implements Rule {
    }

    private final Map<Class<?>, Rule> rules = new LinkedHashMap<>();

    AccessRules() {
    }

    /** The owner of the registry the command's target belongs to may send it ({@code action} names the act). */
    public <C> AccessRules ownerMay(Class<C> type, String action, Function<? super C, Optional<Target>> target) {
        return ownerMayEach(type, action, command -> List.of(target.apply(command)));
    }

    /** The same for a command that touches several things: the owner must own each of them. */
    public <C> AccessRules ownerMayEach(Class<C> type, String action,
                                        Function<? super C, List<Optional<Target>>> targets) {
        return add(type, new OwnerMay(action, command -> targets.apply(type.cast(command))));
    }

    /** Knowingly admin-only; {@code refusal} is the whole answer to anyone else ("Only an admin may …"). */
    public AccessRules adminOnly(Class<?> type, String refusal) {
        return add(type, new AdminOnly(refusal));
    }

    /** Only the registry itself sends it (expiry, lapses); not even an admin may. */
    public AccessRules systemOnly(Class<?> type, String refusal) {
        return add(type, new SystemOnly(refusal));
    }

    Map<Class<?>, Rule> rules() {
        return rules;
    }

    private AccessRules add(Class<?> type, Rule rule) {
        if (rules.putIfAbsent(type, rule) != null) {
            throw new IllegalStateException("Two access rules for " + type.getName() + "; a command type has one");
        }
        return this;
    }
}
