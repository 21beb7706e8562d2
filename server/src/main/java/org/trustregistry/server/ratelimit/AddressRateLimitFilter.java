package org.trustregistry.server.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.security.Caller;
import org.trustregistry.server.web.ClientAddresses;
import org.trustregistry.server.web.FilterOrder;
import org.trustregistry.server.security.AccessPolicy;
import org.trustregistry.server.web.Problems;

/**
 * The rate limit of calls without an API key, by client address, before anything reads the database: over
 * it, 429 with Retry-After and the RateLimit fields. A call that presents a key is left to the key's own
 * limit ({@link KeyRateLimitFilter}) — unless its address has used up its budget of refused keys: then it is
 * refused before its key is looked up (guessing keys costs a look-up each). Health probes are never limited.
 */
@Component
@Order(FilterOrder.ADDRESS_RATE_LIMIT)
class AddressRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ClientAddresses addresses;
    private final Problems problems;

    AddressRateLimitFilter(RateLimits limits, ClientAddresses addresses, Problems problems) {
        this.limits = limits;
        this.addresses = addresses;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return AccessPolicy.isHealth(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = addresses.of(request);
        if (!presentsKey(request)) {
            RateLimits.Kind perAddress = limits.perAddress();
            if (!perAddress.take(address, response)) {
                tooMany(request, response, problems, "Too many requests without an API key from this address");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        RateLimits.Kind failedKeys = limits.failedKeys();
        if (!failedKeys.hasToken(address, response)) {
            tooMany(request, response, problems, "Too many requests with refused API keys from this address");
            return;
        }
        chain.doFilter(request, response);
        if (request.getAttribute(Caller.ATTRIBUTE) == null && response.getStatus() == 401) {
            failedKeys.spend(address);
        }
    }

    /** The 429 answer (its Retry-After and RateLimit fields are set by the bucket that said no). */
    static void tooMany(HttpServletRequest request, HttpServletResponse response, Problems problems, String detail)
            throws IOException {
        problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", detail + "; retry after the number of seconds in Retry-After"));
    }

    /** The same test as the API-key filter: a non-blank X-API-Key, or an Authorization: Bearer token. */
    static boolean presentsKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }
}
