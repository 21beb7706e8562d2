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
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.UpstreamFailureException;
import org.trustregistry.command.common.access.AccessRefusedException;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.ProjectionUnavailableException;
import org.trustregistry.query.common.UnusableRecordException;
import org.trustregistry.server.database.DatabaseFailures;
import org.trustregistry.server.database.DatabaseOutageFilter;
import org.trustregistry.server.web.Problems.FieldError;
import org.trustregistry.server.edge.InvalidBodyException;
import org.trustregistry.server.edge.RefusedValueException;
import org.trustregistry.shared.CanonicalUuid;
import org.trustregistry.shared.Rfc3339Time;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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

    /** The command side's roles: the key may not send this command (it says what the key lacks). */
    @ExceptionHandler(AccessRefusedException.class)
    ProblemDetail accessRefused(AccessRefusedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
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

    /** A body the edge's screen refused (not UTF-8, not JSON, or holding a value nothing may store). */
    @ExceptionHandler(InvalidBodyException.class)
    ProblemDetail invalidBody(InvalidBodyException e) {
        String field = e.member() == null ? "body" : e.member();
        return Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.detail()),
                List.of(new FieldError(field, e.problem())));
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
        if (json == null) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "Malformed request", "The request body is missing"));
        }
        String field = path(json);
        String what = jsonProblem(json);
        String detail = field.isEmpty() ? "The request body " + what : "The member '" + field + "' " + what;
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
        Problems.withErrors(problem, List.of(new FieldError(field.isEmpty() ? "body" : field, what)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A path or query parameter that does not convert (StrictParameterConversion): named, in our words. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        String expected = "must be " + parameterType(e.getRequiredType());
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "The parameter '" + name + "' " + expected), List.of(new FieldError(name, expected)));
        return super.handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String parameterType(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a decimal integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a decimal integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == java.util.UUID.class) {
            return CanonicalUuid.RULE;
        }
        if (type != null && type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "of the documented form";
    }

    /**
     * Every other exception Spring MVC maps itself (405, 406, 415, 404 for an unknown path, …) gets a
     * problem in our words: Spring's details quote class names and internals ("No static resource …",
     * "Failed to convert …"). A problem our own code raised as an ErrorResponseException is kept.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (e.getClass() == ErrorResponseException.class) { // raised by our code, with our own problem
            return super.handleExceptionInternal(e, ((ErrorResponseException) e).getBody(), headers, status, request);
        }
        if (status.is5xxServerError()) {
            log.error("Request failed in Spring MVC", e);
        }
        ProblemDetail problem = Problems.forStatus(status.value());
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            problem.setDetail("The method " + method.getMethod() + " is not allowed at this path"
                    + (method.getSupportedHttpMethods() == null || method.getSupportedHttpMethods().isEmpty() ? ""
                            : "; allowed: " + method.getSupportedHttpMethods().stream().map(HttpMethod::name)
                                    .sorted().collect(java.util.stream.Collectors.joining(", "))));
        } else if (e instanceof MissingServletRequestParameterException missing) {
            problem.setDetail("The query parameter '" + missing.getParameterName() + "' is required");
            Problems.withErrors(problem, List.of(new FieldError(missing.getParameterName(), "is required")));
        }
        return super.handleExceptionInternal(e, problem, headers, status, request);
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

    /**
     * What is wrong with a body member, in our words: Jackson's messages name Java types
     * ({@code ...DidCommandController$ServiceRequest}) and must not reach the caller.
     */
    private static String jsonProblem(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is an unknown member";
        }
        if (e instanceof RefusedValueException) {
            return e.getOriginalMessage(); // our own wording (StrictJson)
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + jsonType(mismatch.getTargetType());
        }
        if (e instanceof StreamReadException) {
            return "is not valid JSON";
        }
        return "has a value that is not allowed here";
    }

    /** The JSON a member of this Java type must be. */
    private static String jsonType(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == java.time.Instant.class) {
            return Rfc3339Time.RULE;
        }
        if (type == java.util.UUID.class) {
            return CanonicalUuid.RULE;
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (tools.jackson.databind.JsonNode.class.isAssignableFrom(type)) {
            return "JSON";
        }
        return "an object";
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
