package org.trustregistry.command.common.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may send which command: the rule book the packages contribute ({@link CommandAccessRules}), applied
 * by {@link CommandAccessCheck} to every command before its handler runs.
 * <ul>
 *   <li>{@code admin} and {@code system} (the registry itself): every command, but only the registry
 *       sends the system-only ones (expiry, lapses, reviews);</li>
 *   <li>{@code registry_owner} of registry R: the commands whose rule says so, and only when everything
 *       the command touches belongs to R;</li>
 *   <li>{@code auditor}, a missing or an unknown role: nothing.</li>
 * </ul>
 * A command type without a rule is admin-only (deny by default).
 */
@Component
public class CommandAccess {

    static final String DEFAULT_REFUSAL = "Only an admin may make this change";

    private final Map<Class<?>, AccessRules.Rule> rules;
    private final ObjectProvider<RequestActor> requestActor;

    CommandAccess(List<CommandAccessRules> contributions, ObjectProvider<RequestActor> requestActor) {
        AccessRules book = new AccessRules();
        contributions.forEach(contribution -> contribution.addTo(book));
        this.rules = Map.copyOf(book.rules());
        this.requestActor = requestActor;
    }

    /** Refuses ({@link AccessRefusedException}) a command the actor may not send; returns if it may. */
    public void check(Object command, Actor actor) {
        AccessRules.Rule rule = rules.getOrDefault(command.getClass(), new AccessRules.AdminOnly(DEFAULT_REFUSAL));
        if (actor.role() == null) {
            throw new AccessRefusedException("This change needs an admin key or a registry_owner key, and the "
                    + "request carries neither");
        }
        switch (actor.role()) {
            case SYSTEM -> {
                // the registry's own acts, and whatever it sends in answer to an event
            }
            case ADMIN -> {
                if (rule instanceof AccessRules.SystemOnly systemOnly) {
                    throw new AccessRefusedException(systemOnly.refusal());
                }
            }
            case AUDITOR -> throw new AccessRefusedException("An auditor key reads; it may not change anything");
            case REGISTRY_OWNER -> checkOwner(command, rule, actor.registryId());
        }
    }

    /**
     * The same check, before the command is sent, for the caller of the request being handled: for work
     * that precedes the command and should not be done for a caller it would refuse.
     */
    public void checkBeforeSending(Object command) {
        RequestActor actor = requestActor.getIfAvailable();
        check(command, actor == null ? new Actor(null, null, null) : actor.current());
    }

    /** Whether a command type has a rule of its own; one without is admin-only by default. */
    public boolean hasRule(Class<?> commandType) {
        return rules.containsKey(commandType);
    }

    /** The command types with a rule of their own. */
    public Set<Class<?>> ruledTypes() {
        return rules.keySet();
    }

    private static void checkOwner(Object command, AccessRules.Rule rule, UUID ownRegistry) {
        if (rule instanceof AccessRules.AdminOnly adminOnly) {
            throw new AccessRefusedException(adminOnly.refusal());
        }
        if (rule instanceof AccessRules.SystemOnly systemOnly) {
            throw new AccessRefusedException(systemOnly.refusal());
        }
        AccessRules.OwnerMay owner = (AccessRules.OwnerMay) rule;
        if (ownRegistry == null) {
            throw new AccessRefusedException("A registry_owner key scoped to no registry may not change anything");
        }
        for (Optional<Target> target : owner.targets().apply(command)) {
            // an empty target does not exist: the handler refuses the command (404)
            if (target.isPresent() && !target.get().belongsTo(ownRegistry)) {
                throw new AccessRefusedException("A registry_owner key of registry " + ownRegistry + " may not "
                        + owner.action() + " " + target.get().phrase());
            }
        }
    }
}
