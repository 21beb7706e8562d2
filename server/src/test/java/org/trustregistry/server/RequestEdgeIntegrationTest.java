package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7, points 1 and 2 at the HTTP level: paths, query strings and content types, and that every error
 * is a problem (application/problem+json with an X-Request-ID) whoever produces it — our handlers, Spring,
 * the filters, Tomcat itself — without a Java class or a framework message in it.
 */
class RequestEdgeIntegrationTest extends IntegrationTest {

    @Value("${local.server.port}")
    private int port;

    private static void assertProblem(int status, String contentType, String requestId, String body, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).as(body).startsWith("application/problem+json");
        assertThat(requestId).as("X-Request-ID").isNotBlank();
        JsonNode json = Api.parse(body);
        assertThat(json.get("status").asInt()).isEqualTo(expected);
        assertThat(json.get("type").asString()).startsWith("/problems/");
        assertThat(json.get("title").asString()).isNotBlank();
        assertThat(json.get("detail").asString()).isNotBlank();
        assertThat(body).doesNotContain("org.", "java.", "tools.jackson", "springframework", "Exception", "$",
                "static resource", "Failed to convert");
    }

    private static void assertProblem(Api.Response response, int expected) {
        assertProblem(response.status(), response.contentType(), response.header("X-Request-ID"), response.text(),
                expected);
    }

    private static void assertProblem(RawHttp.Answer answer, int expected) {
        assertProblem(answer.status(), answer.header("Content-Type"), answer.header("X-Request-ID"), answer.body(),
                expected);
    }

    @Test
    void undecodable_or_control_characters_in_a_query_string_are_400_problems() {
        for (String query : List.of("q=%zz", "q=%e9", "q=%ED%A0%80", "q=%C0%AE", "q=%", "q=%4", "did=%00", "q=a%01b",
                "q=a%1Fb", "%zz=1", "na%00me=1", "na%0Ame=1", "page=1&q=%FF")) {
            assertProblem(RawHttp.get(port, "/v2/issuers?" + query), 400); // a URI class would refuse some of them
        }
        assertProblem(RawHttp.get(port, "/actuator/health?x=%zz"), 400);
        RawHttp.Answer named = RawHttp.get(port, "/v2/issuers?q=ok&did=%00");
        assertThat(Api.parse(named.body()).get("errors").get(0).get("field").asString()).isEqualTo("did");
        assertThat(api.get("/v2/issuers?q=Universit%C3%A9+de+Gen%C3%A8ve", null).status()).isEqualTo(200);
        // a value may be free text: a DELETE's reason travels in the query string
        String registry = createRegistry();
        String schema = createSchema(registry, unique("ReasonCredential"));
        String issuer = register("issuers", registry, did("reason"), List.of(schema));
        Api.Response withdrawn = api.delete("/v2/issuers/" + issuer + "/credential-types/" + schema
                + "?reason=first%20line%0Asecond%09line", ADMIN_KEY);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        // while a parameter that names something keeps its own rule
        assertProblem(RawHttp.get(port, "/v2/issuers?did=did:web:a%0Ab"), 400);
        assertProblem(RawHttp.get(port, "/v2/issuers?status=ACTIVE%0A"), 400);
    }

    @Test
    void undecodable_or_control_characters_in_a_path_are_400_problems_from_tomcat_or_from_us() {
        for (String path : List.of("/v2/issuers/%00", "/v2/issuers/%zz", "/v2/dids/%e9", "/v2/dids/%ED%A0%80",
                "/v2/dids/%C0%AE", "/v2/dids/%01", "/v2/dids/did:web:a%09b", "/v2/dids/a%2Fb", "/v2/dids/a%5Cb",
                "/v2/issuers;jsessionid=x", "/v2/../../etc/passwd", "/v2/dids/\u00e9")) {
            RawHttp.Answer answer = RawHttp.send(port, ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            assertProblem(answer, 400);
        }
        RawHttp.Answer nul = RawHttp.get(port, "/v2/issuers/%00", "X-Request-ID: caller-chose-this");
        assertThat(nul.header("X-Request-ID")).as("the caller's request id, even from Tomcat").isEqualTo("caller-chose-this");
        assertThat(Api.parse(nul.body()).get("instance").asString()).isEqualTo("/v2/issuers/%00");
    }

    @Test
    void what_tomcat_refuses_before_any_filter_is_a_problem_too() {
        String close = "Connection: close\r\n\r\n";
        for (String request : List.of("GARBAGE\r\n\r\n", "GET /v2/ issuers HTTP/1.1\r\nHost: x\r\n" + close,
                "GET /v2/issuers HTTP/1.1\r\n" + close, "GET /v2/issuers HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n" + close,
                "GET /v2/issuers?q={x} HTTP/1.1\r\nHost: x\r\n" + close,
                "GET /v2/issuers HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n" + close,
                // larger than the limit for the request line and headers (server.max-http-request-header-size)
                "GET /v2/issuers HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(65_536) + "\r\n" + close)) {
            RawHttp.Answer answer = RawHttp.send(port, request.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).as(request).isBetween(400, 499);
            assertProblem(answer, answer.status());
        }
        RawHttp.Answer version = RawHttp.send(port, ("GET /v2/issuers HTTP/9.9\r\nHost: x\r\n" + close)
                .getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(version, 505);
        RawHttp.Answer coding = RawHttp.send(port, ("POST /v2/query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: bogus\r\n" + close)
                .getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(coding, 501);
    }

    @Test
    void paging_and_other_numbers_are_decimal_integers_in_range() {
        for (String query : List.of("page=0x10", "page=%2B1", "page=1e2", "page=1.0", "page=%231", "page=", "page=+1",
                "page=99999999999", "size=0x10", "page=-0")) {
            Api.Response response = api.get("/v2/issuers?" + query, null);
            if (query.equals("page=-0")) {
                assertThat(response.status()).as("-0 is a decimal integer: page 0").isEqualTo(200);
                continue;
            }
            assertProblem(response, 400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(query).isIn("page", "size");
        }
        assertThat(api.get("/v2/issuers?page=-1", null).status()).isEqualTo(400);
        assertProblem(api.get("/v2/events?after=0x1", ADMIN_KEY), 400);
        assertProblem(api.get("/v2/events?limit=99999999999", ADMIN_KEY), 400);
        assertProblem(api.get("/v2/entities?limit=0x10", null), 400);
        Api.Response uuid = api.get("/v2/issuers/0-0-0-0-0", null);
        assertProblem(uuid, 400);
        assertThat(uuid.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(api.get("/v2/issuers/" + UUID.randomUUID().toString().toUpperCase(), null).status()).isEqualTo(404);
    }

    @Test
    void bodies_are_application_json_or_415() {
        for (String type : List.of("application/json-patch+json", "application/merge-patch+json", "text/plain",
                "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "application/json;v=2",
                "application/*", "*/*", "application/xml", "not a media type")) {
            Api.Response response = api.send(api.builder("/v2/trust-frameworks", ADMIN_KEY).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build());
            assertProblem(response, 415);
        }
        Api.Response untyped = api.send(api.builder("/v2/trust-frameworks", ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build());
        assertProblem(untyped, 415);
        for (String type : List.of("application/json", "application/json;charset=UTF-8", "Application/JSON; charset=utf-8")) {
            Api.Response response = api.send(api.builder("/v2/trust-frameworks", ADMIN_KEY).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + unique("json ") + "\"}")).build());
            assertThat(response.status()).as(type).isEqualTo(201);
        }
        // no body where none is needed needs no content type
        String registry = createRegistry();
        assertThat(api.send(api.builder("/v2/registries/" + registry + "/keys/rotate", ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(200);
    }

    @Test
    void trace_and_other_methods_not_allowed_are_405_problems() {
        Api.Response trace = api.send(api.builder("/v2/issuers", null).method("TRACE",
                HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(trace, 405);
        Api.Response delete = api.send(api.builder("/v2/registries", ADMIN_KEY).DELETE().build());
        assertProblem(delete, 405);
        assertThat(delete.json().get("detail").asString()).contains("DELETE", "allowed: GET, POST");
        assertThat(delete.header("Allow")).contains("GET");
        RawHttp.Answer unknown = RawHttp.send(port, ("BREW /v2/issuers HTTP/1.1\r\nHost: x\r\nX-API-Key: " + ADMIN_KEY
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(unknown.status()).as("a method nobody knows").isIn(405, 501);
        assertProblem(unknown, unknown.status());
    }

    @Test
    void unknown_paths_and_the_error_page_itself_are_404_problems_in_our_words() {
        Api.Response unknown = api.get("/v2/nothing-here", ADMIN_KEY);
        assertProblem(unknown, 404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("No resource at this path");
        assertProblem(api.get("/nothing/at/all", null), 404);
        assertProblem(api.get("/error", null), 404);
        assertProblem(api.send(api.builder("/error", null).POST(HttpRequest.BodyPublishers.noBody()).build()), 404);
    }

    @Test
    void a_problem_is_json_whatever_the_client_accepts() {
        Api.Response html = api.send(api.builder("/v2/nothing-here", ADMIN_KEY).header("Accept", "text/html").GET()
                .build());
        assertThat(html.status()).isIn(404, 406);
        assertThat(html.contentType()).startsWith("application/problem+json");
        Api.Response xml = api.send(api.builder("/v2/issuers/" + UUID.randomUUID(), null)
                .header("Accept", "application/xml").GET().build());
        assertThat(xml.contentType()).startsWith("application/problem+json");
    }

    @Test
    void every_error_carries_the_request_id_the_caller_sent() {
        assertThat(RawHttp.get(port, "/v2/issuers?q=%zz", "X-Request-ID: mine-1").header("X-Request-ID"))
                .isEqualTo("mine-1");
        for (HttpRequest request : List.of(
                api.builder("/v2/issuers", null).header("X-Request-ID", "mine-1")
                        .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(),
                api.builder("/v2/nothing", ADMIN_KEY).header("X-Request-ID", "mine-1").GET().build(),
                api.builder("/v2/registries", null).header("X-Request-ID", "mine-1").header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build())) {
            Api.Response response = api.send(request);
            assertThat(response.status()).as(request.toString()).isBetween(400, 499);
            assertThat(response.header("X-Request-ID")).as(request.toString()).isEqualTo("mine-1");
        }
    }
}
