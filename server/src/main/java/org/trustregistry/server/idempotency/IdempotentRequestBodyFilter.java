package org.trustregistry.server.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.web.BodySizeLimitFilter;
import org.trustregistry.server.web.FilterOrder;
import org.trustregistry.server.web.Problems;

/**
 * Reads the body of a write that carries an Idempotency-Key before Spring MVC does, so that it can be
 * fingerprinted (IdempotentRequests) and still be read by the controller. Runs after the body-size limit
 * and after authentication; no other request is touched.
 */
@Component
@Order(FilterOrder.IDEMPOTENT_BODY)
class IdempotentRequestBodyFilter extends OncePerRequestFilter {

    static final String BODY = IdempotentRequestBodyFilter.class.getName() + ".body";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Problems problems;

    IdempotentRequestBodyFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || request.getHeader(IdempotencyKey.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodySizeLimitFilter.PayloadTooLargeException e) {
            problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Payload too large", e.getMessage()));
            return;
        }
        request.setAttribute(BODY, body);
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
