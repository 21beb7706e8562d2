package org.trustregistry.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.UpstreamFailureException;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.ProjectionUnavailableException;
import org.trustregistry.query.common.UnusableRecordException;
import org.trustregistry.server.database.DatabaseFailures;
import org.trustregistry.server.database.DatabaseOutageFilter;
import org.trustregistry.server.web.Problems.FieldError;
import tools.jackson.core.JacksonException;

/**
 * The one place where exceptions become RFC 9457 problem details. Whatever the caller controls ends
 * in a 4xx; a 500 means a fault of ours and is logged with the request id.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        return Problems.of(HttpStatus.CONFLICT, "illegal-transition", "Illegal status transition", e.getMessage());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "rule-violation", "Refused by a business rule", e.getMessage());
    }

    /** The failure itself is on record (e.g. DidResolutionFailed); the caller's request was fine. */
    @ExceptionHandler(UpstreamFailureException.class)
    ProblemDetail upstreamFailure(UpstreamFailureException e) {
        return e.timedOut()
                ? Problems.of(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "A remote system did not answer in time",
                        e.getMessage())
                : Problems.of(HttpStatus.BAD_GATEWAY, "upstream-failure", "A remote system failed", e.getMessage());
    }

    /** Fail closed: a trust read whose projections are not up to date is refused, never answered from stale state. */
    @ExceptionHandler(ProjectionUnavailableException.class)
    ResponseEntity<ProblemDetail> projectionUnavailable(ProjectionUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "projection-unavailable",
                        "Not up to date", e.getMessage()));
    }

    @ExceptionHandler(UnusableRecordException.class)
    ProblemDetail unusableRecord(UnusableRecordException e) {
        return Problems.of(HttpStatus.CONFLICT, "unusable-record", "The record cannot serve this request",
                e.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrency(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Another change to the same resource was committed first; read it again and retry");
    }

    @ExceptionHandler({UnknownReferenceException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    /**
     * The event store is shared by all aggregate types; an id of another type loads events that never
     * initialise this one (IncompatibleAggregateException). Ids are random UUIDs, so for the caller
     * that is an unknown id.
     */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ProblemDetail aggregateNotFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No resource with this id");
    }

    @ExceptionHandler(InvalidCommandException.class)
    ProblemDetail invalidCommand(InvalidCommandException e) {
        return Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage()),
                e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
    }

    @ExceptionHandler(BadQueryException.class)
    ProblemDetail badQuery(BadQueryException e) {
        return Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage()),
                List.of(new FieldError(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request has invalid parameters"), errors);
    }

    /** Axon wraps handler exceptions only when they cross a process boundary; unwrap if it did. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandExecution(CommandExecutionException e, WebRequest request) throws Exception {
        if (e.getCause() instanceof Exception cause && !(cause instanceof CommandExecutionException)) {
            return handleException(cause, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (DatabaseFailures.isUnavailable(e)) {
            String method = request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                    ? servlet.getRequest().getMethod() : "GET";
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                            DatabaseOutageFilter.detail(method)));
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on our side; the X-Request-ID response header identifies it in our logs");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "The request body has invalid fields"), errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "The request has invalid parameters"), errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(
                        HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", tooLarge.getMessage()));
            }
        }
        JacksonException json = findCause(e, JacksonException.class);
        String field = json == null ? null : path(json);
        String detail = json == null
                ? "The request body is missing or is not JSON"
                : field == null || field.isEmpty()
                        ? "The request body is not valid JSON: " + json.getOriginalMessage()
                        : "The field '" + field + "' has a value of the wrong type or format";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
        if (field != null && !field.isEmpty()) {
            Problems.withErrors(problem, List.of(new FieldError(field, "wrong type or format")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Every problem names the request path it answers. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create("/problems/http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
