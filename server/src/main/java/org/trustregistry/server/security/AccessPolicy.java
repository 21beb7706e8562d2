package org.trustregistry.server.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call what (API.md, "Authentication and roles"). Reads of the registry's public records and
 * the TRQP queries are open to anyone; the audit log, the event history and the projection administration
 * need an auditor or an admin (the API keys: also a registry owner, who sees its registry's); every other write needs an admin. Of the actuator, health
 * is public and everything else (Prometheus metrics above all) needs an auditor or an admin. The OpenAPI
 * document states the same rule per operation (it asks this class).
 */
public final class AccessPolicy {

    /** What a request needs: nothing, or a caller with one of some roles. */
    public record Requirement(boolean authenticated, Set<Role> roles) {
        static final Requirement PUBLIC = new Requirement(false, Set.of());

        static Requirement anyOf(Role first, Role... rest) {
            return new Requirement(true, EnumSet.of(first, rest));
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
    private static final Pattern ACTUATOR_HEALTH = Pattern.compile("/actuator/health(/[A-Za-z0-9_-]+)*/?");

    private AccessPolicy() {
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
        return Requirement.anyOf(Role.ADMIN);
    }
}
