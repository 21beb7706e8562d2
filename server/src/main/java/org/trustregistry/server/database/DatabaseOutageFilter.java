package org.trustregistry.server.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.web.FilterOrder;
import org.trustregistry.server.web.Problems;

/**
 * While the database does not answer, every API request is refused at once with 503 + Retry-After
 * instead of waiting for connection and statement time-outs; and a request that meets the outage
 * anyway (it began just before) gets the same 503 from whichever layer noticed it, filters included.
 * Health probes and the API document do not need the database and are served as usual.
 */
@Component
@Order(FilterOrder.SCREEN)
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private final DatabaseMonitor monitor;
    private final Problems problems;
    private final Duration retryAfter;

    DatabaseOutageFilter(DatabaseMonitor monitor, Problems problems,
                         @Value("${trust-registry.db.retry-after:PT5S}") Duration retryAfter) {
        this.monitor = monitor;
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!monitor.isUp() && needsDatabase(request)) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response);
        }
    }

    /** The answer for a request that met a database outage. */
    public static String detail(String method) {
        String detail = "The database does not answer; retry shortly.";
        return "GET".equals(method) || "HEAD".equals(method) ? detail
                : detail + " If the outage began while this write was being committed, it may have been applied: "
                        + "retry with the same Idempotency-Key to get its answer without applying it twice.";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Database unavailable", detail(request.getMethod())));
    }

    private static boolean needsDatabase(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/actuator/health") || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui"));
    }
}
