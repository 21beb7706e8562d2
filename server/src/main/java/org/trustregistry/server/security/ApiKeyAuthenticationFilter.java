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
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The policy is asked about the path as sent and as the container decoded and normalised it
        // (the one handlers are matched against): /%61ctuator/prometheus or /%762/audit-log must not be
        // public only because the raw text does not match a rule.
        AccessPolicy.Requirement requirement = AccessPolicy.requirementFor(request.getMethod(), request.getRequestURI())
                .and(AccessPolicy.requirementFor(request.getMethod(), decodedPath(request)));
        Optional<String> presented = presentedKey(request);
        Optional<Caller> caller = presented.flatMap(keys::authenticate);
        if (presented.isPresent() && caller.isEmpty()) {
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

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}
