package org.trustregistry.server.cors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.security.AccessPolicy;
import org.trustregistry.server.web.FilterOrder;
import org.trustregistry.server.web.Problems;

/**
 * CORS for the whole API, as a filter before the API key is asked for: a preflight ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) is answered here and never reaches the key
 * check, and every cross-origin answer — refusals included — carries what a browser needs to read it. What
 * an operation needs decides its origins: no key ({@link AccessPolicy}, asked about the method the preflight
 * announces) → {@code public-origins}, a key → {@code write-origins} ({@link CorsSettings}). An origin that
 * is not allowed gets a 403 problem, for the preflight and for the request itself.
 */
@Component
@Order(FilterOrder.CORS)
class CrossOriginFilter extends OncePerRequestFilter {

    static final List<String> ALLOWED_HEADERS = List.of("Content-Type", "X-API-Key", "Authorization",
            "Idempotency-Key", "X-Request-ID");
    static final List<String> EXPOSED_HEADERS = List.of("X-Request-ID", "Retry-After", "RateLimit",
            "RateLimit-Policy", "X-Event-Store-Position", "X-Stale-Projections", "Location", "Idempotent-Replayed",
            "ETag");

    /** Spring's CORS rules, minus its plain-text refusal: the refusal is a problem, written below. */
    private static final DefaultCorsProcessor PROCESSOR = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // answered by the filter
        }
    };

    private final CorsSettings settings;
    private final Problems problems;

    CrossOriginFilter(CorsSettings settings, Problems problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCrossOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean preflight = CorsUtils.isPreFlightRequest(request);
        String method = preflight ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) : request.getMethod();
        boolean open = !AccessPolicy.requirementFor(method, request.getRequestURI())
                .and(AccessPolicy.requirementFor(method, decodedPath(request))).authenticated();
        CorsConfiguration configuration = configuration(open);
        boolean allowed;
        try {
            allowed = PROCESSOR.processRequest(configuration, request, response);
        } catch (RuntimeException e) { // an announced method or header Spring cannot even read
            allowed = false;
        }
        if (!allowed) {
            response.resetBuffer();
            problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "cors-refused",
                    "Cross-origin request refused", (preflight ? "This preflight asks for" : "This request is")
                            + " what this origin may not do from a browser: " + (open
                            ? "the origin is not one of trust-registry.cors.public-origins"
                            : "an operation that needs an API key, from an origin that is not one of "
                                    + "trust-registry.cors.write-origins")
                            + " (or a method or header that is not allowed)"));
            return;
        }
        if (preflight) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    private CorsConfiguration configuration(boolean open) {
        CorsSettings.Origins origins = settings.current();
        CorsConfiguration configuration = new CorsConfiguration();
        List<String> allowed = open ? origins.publicOrigins() : origins.writeOrigins();
        // "*" and exact origins as origins (so "*" is answered as "*", never by echoing the Origin sent); only
        // entries with a wildcard inside are patterns
        configuration.setAllowedOrigins(allowed.stream().filter(o -> o.equals("*") || !o.contains("*")).toList());
        configuration.setAllowedOriginPatterns(allowed.stream().filter(o -> !o.equals("*") && o.contains("*"))
                .toList());
        configuration.setAllowedMethods(open ? List.of("GET", "HEAD", "POST")
                : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(ALLOWED_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false); // keys travel in headers, never in cookies
        configuration.setMaxAge(origins.maxAge());
        return configuration;
    }

    /** An Origin other than this server's own; one that cannot even be read counts as another. */
    private static boolean isCrossOrigin(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ORIGIN) == null) {
            return false;
        }
        try {
            return CorsUtils.isCorsRequest(request);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String decodedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
