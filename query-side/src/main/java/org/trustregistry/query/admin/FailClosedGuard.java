package org.trustregistry.query.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.trustregistry.query.common.ProjectionUnavailableException;

/**
 * Makes every {@link FailClosed} read fail closed. Before the handler runs: the projections it reads
 * must serve trust reads (else 503), and the position they reflect goes into a response header. Before
 * the answer is written — the handler's, or the problem its exception became — none of them may have
 * begun a rebuild meanwhile: a rebuild empties the tables, and a read that overlapped it may have seen
 * them half full (then the answer is replaced by a 503).
 */
@Component
@RestControllerAdvice
public class FailClosedGuard implements HandlerInterceptor, WebMvcConfigurer, ResponseBodyAdvice<Object> {

    /** The event-store position (global index) a trust answer reflects: every event up to it is in it. */
    public static final String POSITION_HEADER = "X-Event-Store-Position";
    private static final String GENERATIONS = FailClosedGuard.class.getName() + ".generations";

    private final ProjectionMonitor monitor;
    private final Duration retryAfter;

    FailClosedGuard(ProjectionMonitor monitor,
                    @Value("${trust-registry.projections.retry-after:PT5S}") Duration retryAfter) {
        this.monitor = monitor;
        this.retryAfter = retryAfter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<String> projections = guarded(handler, request);
        if (projections.isEmpty()) {
            return true;
        }
        Map<String, Long> generations = new HashMap<>();
        projections.forEach(name -> generations.put(name, monitor.rebuildGeneration(name)));
        ProjectionMonitor.Availability availability = monitor.availability(projections);
        if (!availability.available()) {
            // the projection's state, not its error (that is for operators, at /v2/admin/projections)
            throw unavailable(availability.unavailable().stream()
                    .map(h -> h.name() + " (" + publicReason(h) + ")").collect(Collectors.joining("; ")));
        }
        request.setAttribute(GENERATIONS, generations);
        response.setHeader(POSITION_HEADER, Long.toString(availability.position()));
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(GENERATIONS) instanceof Map<?, ?> generations) {
            servlet.getServletRequest().removeAttribute(GENERATIONS);
            for (Map.Entry<?, ?> before : generations.entrySet()) {
                if (monitor.rebuildGeneration((String) before.getKey()) != (Long) before.getValue()) {
                    // the answer — or the error: a half-emptied table makes a known authority unknown — is
                    // replaced here, before anything is written, whatever the handler or its exception made of it
                    ProjectionUnavailableException refusal = unavailable(before.getKey()
                            + " (a rebuild began while this was read)");
                    response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
                    response.getHeaders().remove(POSITION_HEADER);
                    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                    response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1,
                            retryAfter.toSeconds())));
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                            refusal.getMessage());
                    problem.setType(URI.create("/problems/projection-unavailable"));
                    problem.setTitle("Not up to date");
                    problem.setInstance(URI.create(servlet.getServletRequest().getRequestURI()));
                    return problem;
                }
            }
        }
        return body;
    }

    private static String publicReason(ProjectionMonitor.Health health) {
        return switch (health.state()) {
            case FAILING -> "failing on an event; operators are told";
            case STOPPED -> "stopped";
            case REBUILDING -> "being rebuilt from the event store";
            case BEHIND -> "behind the event store by more than " + health.lagSeconds() + " s";
            case UNKNOWN -> "its progress cannot be read from the event store";
            default -> health.state().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private ProjectionUnavailableException unavailable(String why) {
        return new ProjectionUnavailableException("This answer depends on projections that are not up to date: "
                + why + ". It is not given from stale state; retry shortly.", retryAfter);
    }

    private static List<String> guarded(Object handler, HttpServletRequest request) {
        if (!(handler instanceof HandlerMethod method)) {
            return List.of();
        }
        FailClosed rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), FailClosed.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), FailClosed.class);
        }
        if (rule == null || (!rule.whenParameter().isEmpty() && request.getParameter(rule.whenParameter()) == null)) {
            return List.of();
        }
        return Arrays.asList(rule.value());
    }
}
