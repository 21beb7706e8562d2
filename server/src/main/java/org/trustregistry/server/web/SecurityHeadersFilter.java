package org.trustregistry.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hardening headers on every response, set before anything else runs so that they are also on the
 * answers filters write themselves (401/403 of the API-key check, 413 of the body limit) and on error
 * pages: {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, a
 * Content-Security-Policy (the API's documents load nothing and may not be framed; the Swagger UI gets
 * what it needs, from this origin only) and {@code Cache-Control: no-store}. An answer meant to be cached
 * states its own Cache-Control (the public API, {@code PublicCaching}): that replaces the default
 * instead of being added beside it.
 */
@Component
@Order(FilterOrder.SECURITY_HEADERS)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /**
     * Swagger UI: its scripts and styles are files of this origin (index.html has no inline script); React
     * and the UI's highlighter set style attributes, so inline styles are allowed; icons are data: URIs in
     * its CSS; the document and "Try it out" are fetched from this origin.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", isSwaggerUi(request) ? SWAGGER_UI_POLICY : API_POLICY);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        chain.doFilter(request, new StatedCacheControl(response));
    }

    private static boolean isSwaggerUi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
    }

    /** A Cache-Control the application adds replaces the no-store default rather than joining it. */
    private static final class StatedCacheControl extends HttpServletResponseWrapper {

        StatedCacheControl(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
