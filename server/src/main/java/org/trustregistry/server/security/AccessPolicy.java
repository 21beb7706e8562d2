package org.trustregistry.server.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call what (API.md, "Authentication and roles"). Reads of the registry's public records and
 * the TRQP queries are open to anyone; the audit log, the event history, API keys and the projection
 * administration need an auditor or an admin; every other write needs an admin. The OpenAPI document
 * states the same rule per operation (it asks this class).
 */
public final class AccessPolicy {

    /** What a request needs: nothing, or a caller with one of some roles. */
    public record Requirement(boolean authenticated, Set<Role> roles) {
        static final Requirement PUBLIC = new Requirement(false, Set.of());

        static Requirement anyOf(Role first, Role... rest) {
            return new Requirement(true, EnumSet.of(first, rest));
        }
    }

    private static final Pattern PUBLIC_READS = Pattern.compile(
            "/v2/(trust-frameworks|registries|schemas|issuers|verifiers|dids|public|metadata|entities|ecosystems"
                    + "|lookups)(/.*)?");
    private static final Pattern PUBLIC_QUERIES = Pattern.compile(
            "/v2/(authorization|recognition|query|query/batch|entries/verify|schemas/[^/]+/validate)");
    private static final Pattern AUDIT_READS = Pattern.compile("/v2/(audit-log|events|admin|api-keys)(/.*)?");

    private AccessPolicy() {
    }

    public static Requirement requirementFor(String method, String path) {
        if (!path.startsWith("/v2/") && !path.equals("/v2")) {
            return Requirement.PUBLIC; // actuator health, OpenAPI document, error pages
        }
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (read && AUDIT_READS.matcher(path).matches()) {
            return Requirement.anyOf(Role.ADMIN, Role.AUDITOR);
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
