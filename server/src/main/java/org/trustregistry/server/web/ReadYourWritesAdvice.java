package org.trustregistry.server.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.trustregistry.query.admin.ProjectionAdmin;

/**
 * Read-your-writes for callers of the write API: before a successful command's response is written,
 * wait (briefly, up to {@code trust-registry.http.read-your-writes-timeout}) until the projections
 * have processed <em>this request's</em> events — and those the delegation cascade appended in answer
 * to them — so that a GET right after the response sees the change. Only this request's position is
 * waited for, not the head of the store; a projection that is failing, stopped or being rebuilt is not
 * waited for at all. The projections that had not got there are named in {@value #STALE_HEADER}
 * ({@code *}: the store could not be asked). The events are committed either way.
 */
@RestControllerAdvice(basePackages = "org.trustregistry.command")
class ReadYourWritesAdvice implements ResponseBodyAdvice<Object> {

    /** The projections that had not processed this write when its answer went out. */
    static final String STALE_HEADER = "X-Stale-Projections";
    private static final Logger log = LoggerFactory.getLogger(ReadYourWritesAdvice.class);

    private final ProjectionAdmin projections;
    private final JdbcClient jdbc;
    private final Duration timeout;

    ReadYourWritesAdvice(ProjectionAdmin projections, JdbcClient jdbc,
                         @Value("${trust-registry.http.read-your-writes-timeout:PT2S}") Duration timeout) {
        this.projections = projections;
        this.jdbc = jdbc;
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
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!write || body instanceof org.springframework.http.ProblemDetail || timeout.isZero() || attributes == null) {
            return body;
        }
        List<String> events = RequestEvents.published(attributes);
        if (events.isEmpty()) {
            return body;
        }
        try {
            List<Long> positions = jdbc.sql("SELECT global_index FROM domain_event_entry "
                            + "WHERE event_identifier = ANY(CAST(? AS varchar[])) ORDER BY global_index")
                    .param(events.toArray(String[]::new)).query(Long.class).list();
            if (positions.isEmpty()) {
                return body; // nothing of it was committed (cannot be: the command succeeded)
            }
            Object requestId = attributes.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            Set<String> stale = projections.awaitProcessed(positions,
                    requestId == null ? null : requestId.toString(), timeout);
            if (!stale.isEmpty()) {
                log.warn("Answering a write at positions {} before {} processed it", positions, stale);
                response.getHeaders().set(STALE_HEADER, String.join(", ", stale));
            }
        } catch (RuntimeException e) {
            // the write is committed: its answer is given, even if the store cannot be asked how far the
            // projections are (the database just went away)
            log.warn("Answering a committed write without knowing whether the projections have it: {}", e.getMessage());
            response.getHeaders().set(STALE_HEADER, "*");
        }
        return body;
    }
}
