package org.trustregistry.server.edge;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.trustregistry.server.web.Problems;
import org.trustregistry.server.web.RequestIdFilter;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's BasicErrorController:
 * what reaches it never passed through Spring MVC's exception handlers — a status Tomcat set itself
 * ({@code TRACE} → 405) or an exception thrown by a filter. An exception is thrown again here, so that
 * ProblemDetailsAdvice, the one home of exception mapping, decides its status (a database failure is not
 * a plain 500); a bare status becomes a problem with that very status. Either way: problem+json with an
 * {@code X-Request-ID}, and the original path as {@code instance}.
 */
@Hidden
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE})
    void error(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (response.getHeader(RequestIdFilter.HEADER) == null) {
            response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.requestIdFor(
                    request.getHeader(RequestIdFilter.HEADER)));
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof ServletException servlet && servlet.getRootCause() != null) {
            failure = servlet.getRootCause();
        }
        if (failure instanceof Exception exception) {
            throw exception;
        }
        if (failure != null) {
            throw new ServletException("A filter failed", failure); // an Error: ProblemDetailsAdvice's 500
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // no status: someone asked for /error itself, which is no resource of ours
        problems.write(request, response, Problems.forStatus(status instanceof Integer code ? code : 404));
    }
}
