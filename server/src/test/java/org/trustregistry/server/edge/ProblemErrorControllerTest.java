package org.trustregistry.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.trustregistry.server.web.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The error page hides neither the status it was given nor the exception (which ProblemDetailsAdvice maps). */
class ProblemErrorControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ProblemErrorController controller = new ProblemErrorController(new Problems(JSON));

    private static MockHttpServletRequest errorDispatch() {
        MockHttpServletRequest request = new MockHttpServletRequest("TRACE", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/v2/issuers");
        return request;
    }

    @Test
    void a_status_set_by_the_container_is_answered_as_a_problem_with_that_status() throws Exception {
        MockHttpServletRequest request = errorDispatch();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 405);
        request.addHeader("X-Request-ID", "from-the-caller");
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.error(request, response);
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("X-Request-ID")).isEqualTo("from-the-caller");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(405);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/method-not-allowed");
        assertThat(problem.get("instance").asString()).as("the original path, not /error").isEqualTo("/v2/issuers");
    }

    @Test
    void a_request_id_already_on_the_response_is_kept() throws Exception {
        MockHttpServletRequest request = errorDispatch();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("X-Request-ID", "set-by-the-filter");
        controller.error(request, response);
        assertThat(response.getHeader("X-Request-ID")).isEqualTo("set-by-the-filter");
        assertThat(response.getStatus()).isEqualTo(500);
    }

    @Test
    void an_exception_a_filter_threw_is_thrown_again_for_the_exception_handlers_to_map() {
        MockHttpServletRequest request = errorDispatch();
        DataAccessResourceFailureException outage = new DataAccessResourceFailureException("database down");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new ServletException("wrapped", outage));
        assertThatThrownBy(() -> controller.error(request, new MockHttpServletResponse())).isSameAs(outage);
    }

    @Test
    void the_error_page_asked_for_directly_is_no_resource() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.error(new MockHttpServletRequest("GET", "/error"), response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("X-Request-ID")).isNotBlank();
    }
}
