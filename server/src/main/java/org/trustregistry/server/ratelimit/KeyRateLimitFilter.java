package org.trustregistry.server.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.security.Caller;
import org.trustregistry.server.web.FilterOrder;
import org.trustregistry.server.security.AccessPolicy;
import org.trustregistry.server.web.Problems;

/** The rate limit of calls an API key authenticated, by key (after the key check): over it, 429. */
@Component
@Order(FilterOrder.KEY_RATE_LIMIT)
class KeyRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Problems problems;

    KeyRateLimitFilter(RateLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return AccessPolicy.isHealth(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller
                && !limits.perKey().take(caller.keyId(), response)) {
            AddressRateLimitFilter.tooMany(request, response, problems, "Too many requests with this API key");
            return;
        }
        chain.doFilter(request, response);
    }
}
