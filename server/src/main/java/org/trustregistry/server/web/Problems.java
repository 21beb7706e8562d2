package org.trustregistry.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details, built one way for the whole application: {@code type} is a relative URI
 * naming the kind of problem, {@code errors} lists field errors where there are any.
 */
@Component
public class Problems {

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }

    /** The request attribute holding the problem a request was answered with (for the audit of refusals). */
    public static final String ATTRIBUTE = Problems.class.getName() + ".problem";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + kind));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * A problem for a bare status, in our words: for errors that come with nothing else to say (Tomcat's
     * own refusals, error dispatches, framework exceptions whose messages name our classes).
     */
    public static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String detail = switch (status) {
            case 400 -> "The request is malformed";
            case 401 -> "This request needs a valid API key, in X-API-Key or Authorization: Bearer";
            case 403 -> "The API key's role may not do this";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed at this path";
            case 406 -> "The answer can only be JSON (application/json or application/problem+json)";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request body is too large";
            case 414 -> "The request target is too long";
            case 415 -> "Request bodies must be JSON, sent with Content-Type: application/json";
            case 431 -> "The request headers are too large";
            case 501 -> "This is not implemented";
            case 503 -> "The service is not available right now; retry later";
            case 505 -> "Only HTTP/1.1 (and HTTP/1.0) are supported";
            default -> status >= 500
                    ? "The request failed on our side; the X-Request-ID response header identifies it in our logs"
                    : "The request failed with status " + status;
        };
        String kind = switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            default -> "http-" + status;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create("/problems/" + kind));
        problem.setTitle(known == null ? "Error " + status : known.getReasonPhrase());
        return problem;
    }

    /** The path a problem answers: in an error dispatch the original request's, not the error page's. */
    public static String requestPath(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String path ? path : request.getRequestURI();
    }

    /** {@code instance} for a raw request path, or null if the path is not a URI reference Java accepts. */
    public static URI instanceFor(String path) {
        try {
            return path == null ? null : new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** For filters, which answer before Spring MVC and its exception handlers are reached. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(instanceFor(requestPath(request)));
        request.setAttribute(ATTRIBUTE, problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body(problem));
    }

    /** The members of a problem as they go on the wire, for answers written without Spring MVC. */
    public static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
