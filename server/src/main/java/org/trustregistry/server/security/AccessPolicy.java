package org.trustregistry.server.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call what, as far as a URL can tell (API.md, "Authentication and roles"). Reads of the
 * registry's public records and the TRQP queries are open to anyone; the audit log, the event history,
 * and the projection administration need an auditor or an admin (the API keys: also a
 * registry owner, who sees its own registry's). Writes need an admin or a
 * registry owner, and the command side decides what an owner's command may touch (its registry and what
 * belongs to it: {@code org.trustregistry.command.common.access}), for every path to a command. Writes no
 * owner may ever make are the admin's here already: the ones that are not commands (projection
 * administration) and the commands the command side keeps for admins (registries' creation, status and
 * trust framework; trust frameworks). A new write that is not a command must be added to them. Of the
 * actuator, health is public and everything else (Prometheus metrics above all) needs an auditor or an
 * admin. The OpenAPI document states the same rule per operation (it asks this class).
 */
public final class AccessPolicy {

    /** What a request needs: nothing, or a caller with one of some roles. */
    public record Requirement(boolean authenticated, Set<Role> roles) {
        static final Requirement PUBLIC = new Requirement(false, Set.of());

        static Requirement anyOf(Role first, Role... rest) {
            return new Requirement(true, EnumSet.of(first, rest));
        }

        /**
         * The roles in words: "admin or auditor"; a registry owner is allowed only for its own registry,
         * so "admin, or the registry_owner of the registry it belongs to".
         */
        public String describe() {
            List<String> named = roles.stream().filter(r -> r != Role.REGISTRY_OWNER).map(Role::value).sorted()
                    .toList();
            String others = String.join(" or ", named);
            if (!roles.contains(Role.REGISTRY_OWNER)) {
                return others;
            }
            String owner = "the " + Role.REGISTRY_OWNER.value() + " of the registry it belongs to";
            return others.isEmpty() ? owner : others + ", or " + owner;
        }

        /** What both requirements ask: a key if either needs one, with a role both allow. */
        public Requirement and(Requirement other) {
            if (!authenticated) {
                return other;
            }
            if (!other.authenticated) {
                return this;
            }
            Set<Role> both = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
            both.retainAll(other.roles);
            return new Requirement(true, both);
        }
    }

    private static final Pattern PUBLIC_READS = Pattern.compile(
            "/v2/(trust-frameworks|registries|schemas|issuers|verifiers|dids|public|metadata|entities|ecosystems"
                    + "|lookups)(/.*)?");
    private static final Pattern PUBLIC_QUERIES = Pattern.compile(
            "/v2/(authorization|recognition|query|query/batch|entries/verify|schemas/[^/]+/validate)");
    private static final Pattern AUDIT_READS = Pattern.compile("/v2/(audit-log|events|admin)(/.*)?");
    /** Registry owners see their own registry's keys (ApiKeyQueryController scopes the answer). */
    private static final Pattern KEY_READS = Pattern.compile("/v2/api-keys(/.*)?");
    /** Writes that are not commands: the command side cannot judge them, so no owner gets past here. */
    private static final Pattern NON_COMMAND_WRITES = Pattern.compile("/v2/admin(/.*)?");
    /** Commands the command side refuses every registry owner (see its RegistryAccessRules, FrameworkAccessRules). */
    private static final Pattern ADMIN_COMMANDS = Pattern.compile(
            "/v2/(trust-frameworks(/.*)?|registries/?|registries/[^/]+/(status|trust-framework)/?)");
    private static final Pattern ACTUATOR_HEALTH = Pattern.compile("/actuator/health(/[A-Za-z0-9_-]+)*/?");

    private AccessPolicy() {
    }

    /**
     * A health probe (liveness, readiness): public, and never judges a key — a probe has none, and answering
     * 401 or 200 by the key it carries would tell anyone whether a guessed key is valid.
     */
    public static boolean isHealthProbe(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD")) && isHealth(path);
    }

    /** {@code /actuator/health} and its groups (liveness, readiness, components). */
    public static boolean isHealth(String path) {
        return ACTUATOR_HEALTH.matcher(path).matches();
    }

    public static Requirement requirementFor(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            // health (liveness, readiness) is for load balancers; metrics and the rest are for operators
            if (read && ACTUATOR_HEALTH.matcher(path).matches()) {
                return Requirement.PUBLIC;
            }
            return read ? Requirement.anyOf(Role.ADMIN, Role.AUDITOR) : Requirement.anyOf(Role.ADMIN);
        }
        if (!path.startsWith("/v2/") && !path.equals("/v2")) {
            return Requirement.PUBLIC; // OpenAPI document, Swagger UI, error pages
        }
        if (read && AUDIT_READS.matcher(path).matches()) {
            return Requirement.anyOf(Role.ADMIN, Role.AUDITOR);
        }
        if (read && KEY_READS.matcher(path).matches()) {
            return Requirement.anyOf(Role.ADMIN, Role.AUDITOR, Role.REGISTRY_OWNER);
        }
        if (read && PUBLIC_READS.matcher(path).matches()) {
            return Requirement.PUBLIC;
        }
        if (method.equals("POST") && PUBLIC_QUERIES.matcher(path).matches()) {
            return Requirement.PUBLIC;
        }
        if (read) {
            return Requirement.anyOf(Role.ADMIN, Role.AUDITOR);
        }
        if (NON_COMMAND_WRITES.matcher(path).matches() || ADMIN_COMMANDS.matcher(path).matches()) {
            return Requirement.anyOf(Role.ADMIN);
        }
        return Requirement.anyOf(Role.ADMIN, Role.REGISTRY_OWNER);
    }
}
