package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class OpenApiIntegrationTest extends IntegrationTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    /** A path variable, also one with a regular expression ({@code {did:.+}}); the document names only the variable. */
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^{}]*(\\{[^{}]*\\}[^{}]*)*\\}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void the_document_lists_every_route_of_our_controllers_and_nothing_else() {
        Map<String, HandlerMethod> routes = routes();
        assertThat(routes).as("routes of our controllers").hasSizeGreaterThan(40)
                .containsKeys("POST /v2/registries", "GET /v2/issuers/{}", "GET /v2/events");
        assertThat(documentedOperations(apiDocs()).keySet()).as("operations in /v3/api-docs")
                .isEqualTo(routes.keySet());
    }

    @Test
    void the_document_and_the_swagger_ui_are_public() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/json");
        Api.Response ui = api.get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        Api.Response shortcut = api.get("/swagger-ui.html", null);
        assertThat(shortcut.status()).isEqualTo(302);
        assertThat(shortcut.header("Location")).endsWith("/swagger-ui/index.html");
        Api.Response config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("url").asString()).isEqualTo("/v3/api-docs");
    }

    /** Every route of our controllers ("GET /v2/issuers/{}") and its handler, from Spring MVC itself. */
    private Map<String, HandlerMethod> routes() {
        Map<String, HandlerMethod> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getName().startsWith("org.trustregistry.")) {
                continue;
            }
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as(mapping.getValue() + " names its HTTP method").isNotEmpty();
            for (String path : mapping.getKey().getPatternValues()) {
                methods.forEach(method -> routes.put(method.name() + " " + normalised(path), mapping.getValue()));
            }
        }
        return routes;
    }

    /** Every operation of the document, by route ("GET /v2/issuers/{}"). */
    private static Map<String, JsonNode> documentedOperations(JsonNode docs) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    operations.put(operation.getKey().toUpperCase() + " " + normalised(path.getKey()),
                            operation.getValue());
                }
            }
        }
        return operations;
    }

    private JsonNode apiDocs() {
        Api.Response response = api.get("/v3/api-docs", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String normalised(String path) {
        return PATH_VARIABLE.matcher(path).replaceAll("{}");
    }
}
