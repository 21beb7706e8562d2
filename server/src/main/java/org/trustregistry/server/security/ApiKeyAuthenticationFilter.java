package org.trustregistry.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.web.FilterOrder;
import org.trustregistry.server.web.Problems;

/**
 * Authenticates the API key of a request ({@code X-API-Key} or {@code Authorization: Bearer}) and
 * applies the {@link AccessPolicy}: 401 for a missing or bad key where one is needed (and for a bad
 * key anywhere), 403 for a key whose role is not allowed.
 */
@Component
@Order(FilterOrder.API_KEY)
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final Problems problems;

    ApiKeyAuthenticationFilter(ApiKeys keys, Problems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return AccessPolicy.isHealthProbe(request.getMethod(), decodedPath(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The policy is asked about the path as sent and as the container decoded and normalised it
        // (the one handlers are matched against): /%61ctuator/prometheus or /%762/audit-log must not be
        // public only because the raw text does not match a rule.
        AccessPolicy.Requirement requirement = AccessPolicy.requirementFor(request.getMethod(), request.getRequestURI())
                .and(AccessPolicy.requirementFor(request.getMethod(), decodedPath(request)));
        Optional<String> presented;
        try {
            presented = presentedKey(request);
        } catch (AmbiguousKeyException e) {
            problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "ambiguous-credentials",
                    "Ambiguous credentials", "The request carries more than one API key (X-API-Key headers or a "
                            + "Bearer token that differ); send one"));
            return;
        }
        Optional<Caller> caller = presented.flatMap(keys::authenticate);
        if (presented.isPresent() && caller.isEmpty()) {
            request.setAttribute(Caller.INVALID_KEY_ATTRIBUTE, Boolean.TRUE);
            keys.identify(presented.get()).ifPresent(id -> request.setAttribute(Caller.REFUSED_KEY_ATTRIBUTE, id));
            unauthorized(request, response, "The API key is not valid (unknown, revoked or expired)");
            return;
        }
        // known from here on, also when refused below: the audit of refusals names the key
        caller.ifPresent(c -> request.setAttribute(Caller.ATTRIBUTE, c));
        if (requirement.authenticated()) {
            if (caller.isEmpty()) {
                unauthorized(request, response,
                        "This request needs an API key, in X-API-Key or Authorization: Bearer");
                return;
            }
            if (!requirement.roles().contains(caller.get().role())) {
                problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                        "A key with the role " + caller.get().role().value() + " may not " + request.getMethod() + " "
                                + request.getRequestURI() + "; this needs the role " + requirement.describe()));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                detail));
    }

    private static String decodedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /**
     * The key the request presents: in X-API-Key or as a Bearer token. Two different keys (two X-API-Key
     * headers, or X-API-Key and a Bearer token that differ) make the request ambiguous: refused with 400, never
     * resolved by picking one.
     */
    private static Optional<String> presentedKey(HttpServletRequest request) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (String header : java.util.Collections.list(request.getHeaders("X-API-Key"))) {
            if (header != null && !header.isBlank()) {
                keys.add(header.trim());
            }
        }
        for (String authorization : java.util.Collections.list(request.getHeaders("Authorization"))) {
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String token = authorization.substring(7).trim();
                if (!token.isEmpty()) {
                    keys.add(token);
                }
            }
        }
        if (keys.size() > 1) {
            throw new AmbiguousKeyException();
        }
        return keys.stream().findFirst();
    }

    /** More than one key in one request. */
    private static final class AmbiguousKeyException extends RuntimeException {
        AmbiguousKeyException() {
            super("one API key per request", null, false, false);
        }
    }
}
