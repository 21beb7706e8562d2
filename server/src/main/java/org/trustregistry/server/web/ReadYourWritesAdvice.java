package org.trustregistry.server.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.trustregistry.query.admin.ProjectionAdmin;

/**
 * Read-your-writes for callers of the write API: before a successful command's response is written,
 * wait (briefly, up to {@code trust-registry.http.read-your-writes-timeout}) until the projections
 * have processed its events, so that a GET right after the response sees the change. The events are
 * committed either way; on time-out the response goes out and the read side catches up shortly after.
 */
@RestControllerAdvice(basePackages = "org.trustregistry.command")
class ReadYourWritesAdvice implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWritesAdvice.class);

    private final ProjectionAdmin projections;
    private final Duration timeout;

    ReadYourWritesAdvice(ProjectionAdmin projections,
                         @Value("${trust-registry.http.read-your-writes-timeout:PT2S}") Duration timeout) {
        this.projections = projections;
        this.timeout = timeout;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        boolean write = request.getMethod() != null && !request.getMethod().name().equals("GET");
        if (write && !(body instanceof org.springframework.http.ProblemDetail) && !timeout.isZero()
                && !projections.awaitCaughtUp(timeout)) {
            log.warn("Projections did not catch up within {}; answering anyway", timeout);
        }
        return body;
    }
}
