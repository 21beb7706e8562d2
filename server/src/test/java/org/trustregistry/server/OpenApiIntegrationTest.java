package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestBody;
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
    void every_request_and_response_body_is_documented_with_its_schema() {
        Map<String, JsonNode> operations = documentedOperations(apiDocs());
        String why = " (springdoc logs 'Graceful exception occurred' when it could not make one)";
        routes().forEach((route, handler) -> {
            JsonNode operation = operations.get(route);
            boolean takesBody = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            if (takesBody) {
                assertThat(hasSchema(operation.at("/requestBody/content/application~1json/schema")))
                        .as("schema of the request body of " + route + why).isTrue();
            }
            if (handler.getReturnType().getParameterType() != void.class) {
                JsonNode success = operation.get("responses").properties().stream()
                        .filter(r -> r.getKey().startsWith("2")).findFirst().orElseThrow().getValue();
                assertThat(success.path("content").isEmpty()).as("content of " + route).isFalse();
                success.get("content").forEach(media -> assertThat(hasSchema(media.get("schema")))
                        .as("schema of the response of " + route + why).isTrue());
            }
        });
    }

    @Test
    void the_api_key_is_declared_and_required_exactly_where_the_access_policy_requires_it() {
        JsonNode docs = apiDocs();
        JsonNode schemes = docs.at("/components/securitySchemes");
        assertThat(schemes.at("/apiKey/type").asString()).isEqualTo("apiKey");
        assertThat(schemes.at("/apiKey/in").asString()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("X-API-Key");
        assertThat(schemes.at("/bearer/type").asString()).isEqualTo("http");
        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");

        assertThat(rolesRequired(docs, "post", "/v2/registries")).containsExactly("admin");
        assertThat(rolesRequired(docs, "patch", "/v2/issuers/{id}/status"))
                .containsExactlyInAnyOrder("admin", "registry_owner");
        assertThat(operation(docs, "patch", "/v2/issuers/{id}/status").get("description").asString())
                .endsWith("Needs an API key with the role admin, or the registry_owner of the registry it belongs to.");
        assertThat(rolesRequired(docs, "put", "/v2/registries/{id}")).containsExactlyInAnyOrder("admin", "registry_owner");
        assertThat(rolesRequired(docs, "put", "/v2/dids/{did}")).containsExactlyInAnyOrder("admin", "registry_owner");
        for (String[] operatorOnly : new String[][] {{"post", "/v2/trust-frameworks"},
                {"patch", "/v2/registries/{id}/status"}, {"put", "/v2/registries/{id}/trust-framework"},
                {"delete", "/v2/registries/{id}/trust-framework"}, {"post", "/v2/admin/projections/{name}/rebuild"}}) {
            assertThat(rolesRequired(docs, operatorOnly[0], operatorOnly[1])).as(String.join(" ", operatorOnly))
                    .containsExactly("admin");
        }
        assertThat(operation(docs, "post", "/v2/registries").get("description").asString())
                .endsWith("Needs an API key with the role admin.");
        assertThat(rolesRequired(docs, "post", "/v2/admin/projections/{name}/rebuild")).containsExactly("admin");
        assertThat(rolesRequired(docs, "get", "/v2/audit-log")).containsExactlyInAnyOrder("admin", "auditor");
        assertThat(rolesRequired(docs, "get", "/v2/events")).containsExactlyInAnyOrder("admin", "auditor");
        assertThat(rolesRequired(docs, "get", "/v2/admin/projections")).containsExactlyInAnyOrder("admin", "auditor");
        for (String publicRead : List.of("/v2/registries", "/v2/registries/{id}", "/v2/issuers",
                "/v2/issuers/{id}/status-history", "/v2/dids")) {
            assertThat(operation(docs, "get", publicRead).has("security")).as(publicRead).isFalse();
            assertThat(operation(docs, "get", publicRead).get("description").asString()).as(publicRead)
                    .contains("Public: no API key needed");
        }
        assertThat(operation(docs, "post", "/v2/entries/verify").has("security")).isFalse();

        JsonNode write = operation(docs, "post", "/v2/registries");
        assertThat(write.at("/security/0/apiKey").isArray()).isTrue();
        assertThat(write.at("/security/1/bearer").isArray()).as("the bearer token is the alternative").isTrue();
        assertThat(write.get("responses").propertyNames()).contains("401", "403");
        assertThat(operation(docs, "get", "/v2/registries").get("responses").propertyNames())
                .doesNotContain("401", "403");
    }

    @Test
    void errors_are_documented_as_problem_details_with_field_errors() {
        JsonNode docs = apiDocs();
        JsonNode problem = docs.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.at("/errors/items/$ref").asString()).isEqualTo("#/components/schemas/FieldError");
        assertThat(docs.at("/components/schemas/FieldError/properties").propertyNames())
                .containsExactlyInAnyOrder("field", "message");
        assertThat(docs.at("/components/responses/BadRequest/content").propertyNames())
                .containsExactly("application/problem+json");
        assertThat(docs.at("/components/responses/Conflict/content").get("application/problem+json")
                .at("/schema/$ref").asString()).isEqualTo("#/components/schemas/ProblemDetail");

        JsonNode create = operation(docs, "post", "/v2/registries").get("responses");
        assertThat(create.propertyNames()).containsExactlyInAnyOrder("201", "400", "401", "403", "404", "409", "413",
                "422", "429", "503");
        assertThat(create.at("/400/$ref").asString()).isEqualTo("#/components/responses/BadRequest");
        assertThat(create.at("/201/headers").has("Location")).isTrue();
        assertThat(operation(docs, "get", "/v2/registries/{id}").get("responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "404", "429", "503");
        assertThat(create.at("/429/$ref").asString()).isEqualTo("#/components/responses/TooManyRequests");
        JsonNode trqp = operation(docs, "post", "/v2/authorization").get("responses");
        assertThat(trqp.at("/503/$ref").asString()).isEqualTo("#/components/responses/ServiceUnavailable");
        assertThat(trqp.at("/200/headers").has("X-Event-Store-Position")).isTrue();
        assertThat(operation(docs, "get", "/v2/registries/{id}").at("/responses/200/headers")
                .has("X-Event-Store-Position")).as("not a trust read").isFalse();
        assertThat(operation(docs, "post", "/v2/admin/projections/{name}/rebuild").get("responses").propertyNames())
                .contains("202", "404").doesNotContain("200", "400", "409");
    }

    @Test
    void the_document_describes_the_api_and_tags_each_operation_with_its_feature() {
        JsonNode docs = apiDocs();
        assertThat(docs.at("/info/title").asString()).isEqualTo("Trust Registry API");
        assertThat(docs.at("/info/version").asString()).isNotBlank().doesNotContain("@");
        assertThat(docs.at("/info/description").asString()).contains("X-API-Key", "application/problem+json");

        Set<String> tags = new HashSet<>();
        for (JsonNode tag : docs.get("tags")) {
            assertThat(tag.path("description").asString()).as(tag.toString()).isNotBlank();
            tags.add(tag.get("name").asString());
        }
        List<String> operationIds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode operationTags = operation.getValue().get("tags");
                assertThat(operationTags).as(operation.getKey() + " " + path.getKey()).hasSize(1);
                assertThat(tags).as("tag of " + operation.getKey() + " " + path.getKey()
                        + " (add its feature to OpenApiConfiguration.FEATURE_TAGS)")
                        .contains(operationTags.get(0).asString());
                operationIds.add(operation.getValue().get("operationId").asString());
            }
        }
        assertThat(operationIds).doesNotHaveDuplicates().contains("registryCreate", "issuerChangeStatus");
        assertThat(operation(docs, "get", "/v2/issuers").get("tags").get(0).asString()).isEqualTo("Issuers");
    }

    @Test
    void each_controller_has_its_own_request_schemas() {
        JsonNode docs = apiDocs();
        assertThat(operation(docs, "patch", "/v2/registries/{id}/status").at("/requestBody/content")
                .get("application/json").at("/schema/$ref").asString())
                .isEqualTo("#/components/schemas/RegistryStatusRequest");
        assertThat(enumValues(docs, "RegistryStatusRequest")).contains("RETIRED").doesNotContain("REVOKED");
        assertThat(enumValues(docs, "FrameworkStatusRequest")).contains("DEPRECATED", "RETIRED");
        assertThat(enumValues(docs, "StatusRequest")).contains("REVOKED"); // the issuers' and verifiers'
    }

    @Test
    void event_payloads_are_json_objects_not_the_properties_of_a_jackson_node() {
        JsonNode payload = apiDocs().at("/components/schemas/StoredEvent/properties/payload");
        assertThat(payload.isObject()).as("StoredEvent.payload").isTrue();
        assertThat(payload.path("type").asString()).isEqualTo("object");
        assertThat(payload.has("$ref")).isFalse();
        assertThat(payload.has("properties")).isFalse();
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
            if (!mapping.getValue().getBeanType().getName().startsWith("org.trustregistry.")
                    || ErrorController.class.isAssignableFrom(mapping.getValue().getBeanType())) {
                continue; // the servlet container's error page is not part of the API
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

    private static boolean hasSchema(JsonNode schema) {
        return schema != null && schema.isObject() && !schema.isEmpty();
    }

    private JsonNode apiDocs() {
        Api.Response response = api.get("/v3/api-docs", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode operation(JsonNode docs, String method, String path) {
        JsonNode operation = docs.get("paths").path(path).path(method);
        assertThat(operation.isObject()).as(method + " " + path + " in the document").isTrue();
        return operation;
    }

    private static List<String> rolesRequired(JsonNode docs, String method, String path) {
        JsonNode security = operation(docs, method, path).path("security");
        assertThat(security.isArray()).as(method + " " + path + " has a security requirement").isTrue();
        List<String> roles = new ArrayList<>();
        security.get(0).get("apiKey").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private static List<String> enumValues(JsonNode docs, String schema) {
        List<String> values = new ArrayList<>();
        docs.at("/components/schemas/" + schema + "/properties/status/enum").forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String normalised(String path) {
        return PATH_VARIABLE.matcher(path).replaceAll("{}");
    }
}
