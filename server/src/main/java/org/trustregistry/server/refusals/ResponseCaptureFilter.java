package org.trustregistry.server.refusals;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.web.FilterOrder;

/**
 * Lets {@link RefusedRequestListener} see the response when the request ends (a request listener is given
 * the request only). Runs for error dispatches too: an answer Tomcat gives itself (405 for TRACE) has no
 * other.
 */
@Component
@Order(FilterOrder.REQUEST_ID)
class ResponseCaptureFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = ResponseCaptureFilter.class.getName() + ".response";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, response);
        }
        chain.doFilter(request, response);
    }
}
