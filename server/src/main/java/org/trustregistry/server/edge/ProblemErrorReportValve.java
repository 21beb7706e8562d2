package org.trustregistry.server.edge;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.trustregistry.server.web.Problems;
import org.trustregistry.server.web.RequestIdFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, for what Tomcat refuses before any filter or servlet runs (a malformed request
 * line or header, an encoded NUL, slash or invalid UTF-8 in the path, an unsupported HTTP version): a
 * problem+json body with an {@code X-Request-ID} instead of Tomcat's HTML page. Set as the host's error
 * report valve ({@link TomcatErrorReport}); Tomcat creates it by its class name, hence no Spring beans.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same conditions as Tomcat's own report: an error, nothing written yet, not reported before
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = Problems.forStatus(status);
        problem.setInstance(Problems.instanceFor(printableAscii(request.getRequestURI())));
        try {
            if (response.getHeader(RequestIdFilter.HEADER) == null) {
                response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.requestIdFor(
                        request.getHeader(RequestIdFilter.HEADER)));
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.body(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already committed: nothing more to say
        }
    }

    /** The raw request URI, if it is plain printable ASCII (a malformed request line may give anything). */
    private static String printableAscii(String uri) {
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) <= 0x20 || uri.charAt(i) >= 0x7f) {
                return null;
            }
        }
        return uri;
    }
}
