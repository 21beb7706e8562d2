package org.trustregistry.server.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trustregistry.server.web.FilterOrder;
import org.trustregistry.server.web.Problems;
import org.trustregistry.shared.Text;

/**
 * The first look at a request, before anything reads its parameters or its body: the path and the query
 * string decode strictly ({@link PercentDecoding}) to valid {@link Text} — the path and parameter names
 * single-line, parameter values free text (a DELETE's {@code reason} travels in the query string and may
 * hold line breaks; the parameters that name things are checked by the rule of what they name) — and a
 * request that carries a body sends it as {@code application/json} (a charset, if named, UTF-8). Otherwise
 * 400 or 415, as a problem. What Tomcat itself refuses earlier (an encoded NUL or slash in the path, a
 * malformed request line) is answered by {@link ProblemErrorReportValve}.
 */
@Component
@Order(FilterOrder.SCREEN)
class RequestScreenFilter extends OncePerRequestFilter {

    private final Problems problems;

    RequestScreenFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String pathProblem = pathProblem(request.getRequestURI());
        if (pathProblem != null) {
            refuse(request, response, "path", "The request path " + pathProblem);
            return;
        }
        Problems.FieldError query = queryProblem(request.getQueryString());
        if (query != null) {
            refuse(request, response, query.field(), query.message());
            return;
        }
        if (carriesBody(request) && !isJson(request.getContentType())) {
            problems.write(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Request bodies must be JSON, sent with Content-Type: application/json "
                            + "(a charset, if given, must be utf-8)"));
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field, String detail)
            throws IOException {
        problems.write(request, response, Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail),
                List.of(new Problems.FieldError(field, detail))));
    }

    /** What is wrong with the raw (still percent-encoded) path, or null. */
    static String pathProblem(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        if (rawPath.indexOf(';') >= 0) {
            return "has a path parameter (;), which this API does not use";
        }
        try {
            return Text.problem(PercentDecoding.decode(rawPath, false), Text.Kind.SINGLE_LINE).orElse(null);
        } catch (PercentDecoding.MalformedException e) {
            return e.getMessage();
        }
    }

    /** The first query parameter whose name (single-line) or value (free text) cannot be decoded to text, or null. */
    static Problems.FieldError queryProblem(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = PercentDecoding.decode(rawName, true);
            } catch (PercentDecoding.MalformedException e) {
                return new Problems.FieldError("query", "A query parameter name " + e.getMessage());
            }
            String nameProblem = Text.problem(name, Text.Kind.SINGLE_LINE).orElse(null);
            if (nameProblem != null) {
                return new Problems.FieldError("query", "A query parameter name " + nameProblem);
            }
            if (equals >= 0) {
                String valueProblem;
                try {
                    valueProblem = Text.problem(PercentDecoding.decode(pair.substring(equals + 1), true),
                            Text.Kind.FREE).orElse(null);
                } catch (PercentDecoding.MalformedException e) {
                    valueProblem = e.getMessage();
                }
                if (valueProblem != null) {
                    return new Problems.FieldError(name, "The query parameter '" + name + "' " + valueProblem);
                }
            }
        }
        return null;
    }

    /** A body is there when its length says so, or when it comes in chunks. */
    private static boolean carriesBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length > 0 || length < 0 && request.getHeader("Transfer-Encoding") != null;
    }

    /** {@code application/json}, with no parameter but a UTF-8 charset (what Jackson reads as JSON). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.getType().equalsIgnoreCase("application") || !type.getSubtype().equalsIgnoreCase("json")) {
                return false;
            }
            for (String parameter : type.getParameters().keySet()) {
                if (!parameter.toLowerCase(Locale.ROOT).equals("charset")) {
                    return false;
                }
            }
            return type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset());
        } catch (RuntimeException e) { // InvalidMediaTypeException, an unknown or illegal charset name
            return false;
        }
    }
}
