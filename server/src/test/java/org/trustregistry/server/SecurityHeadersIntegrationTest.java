package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;

/**
 * Hardening headers on a sample of every kind of answer — 2xx, problems from Spring MVC, answers the
 * filters write themselves (401, 403, 413), error pages, the actuator — with the public API's cached
 * answers keeping their Cache-Control; and the Swagger UI working under its Content-Security-Policy.
 */
class SecurityHeadersIntegrationTest extends IntegrationTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Autowired
    private ApiKeys keys;

    /** Every value of a header, however many times it was sent. */
    private static List<String> all(Api.Response response, String name) {
        List<String> values = new ArrayList<>();
        response.headers().forEach((key, list) -> {
            if (key.equalsIgnoreCase(name)) {
                values.addAll(list);
            }
        });
        return values;
    }

    private static void hardened(String what, Api.Response response, String cacheControl) {
        assertThat(all(response, "X-Content-Type-Options")).as(what + " " + response.status()).containsExactly("nosniff");
        assertThat(all(response, "Referrer-Policy")).as(what).containsExactly("no-referrer");
        assertThat(all(response, "X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(all(response, "Cache-Control")).as(what).containsExactly(cacheControl);
        assertThat(all(response, "Content-Security-Policy")).as(what).hasSize(1);
    }

    @Test
    void every_kind_of_answer_is_hardened_and_not_stored() {
        String registry = createRegistry();
        Map<String, Api.Response> answers = new java.util.LinkedHashMap<>();
        answers.put("200 read", api.get("/v2/registries/" + registry, null));
        answers.put("201 write", api.post("/v2/trust-frameworks", Api.json(Map.of("name", unique("F "), "version", "1")),
                ADMIN_KEY));
        answers.put("400 from MVC", api.get("/v2/issuers/not-a-uuid", null));
        answers.put("404 from MVC", api.get("/v2/issuers/" + UUID.randomUUID(), null));
        answers.put("404 unknown path", api.get("/v2/nothing-here", ADMIN_KEY));
        answers.put("405", api.send(api.builder("/v2/registries", ADMIN_KEY).DELETE().build()));
        answers.put("401 from the key filter", api.post("/v2/registries", "{}", null));
        String auditor = ApiKeys.newKey();
        keys.store("headers auditor", auditor, Role.AUDITOR, null, "test");
        answers.put("403 from the key filter", api.post("/v2/registries", "{}", auditor));
        answers.put("413 from the body filter", api.post("/v2/registries", "x".repeat(2 * 1024 * 1024), ADMIN_KEY));
        answers.put("public API problem", api.get("/v2/public/issuers?size=501", null));
        answers.put("TRQP", api.post("/v2/authorization", Api.json(Map.of("entity_id", did("e"), "authority_id",
                did("nowhere"), "action", "issue", "resource", "X")), null));
        answers.put("health", api.get("/actuator/health", null));
        answers.put("OpenAPI document", api.get("/v3/api-docs", null));
        answers.put("not the API", api.get("/favicon-that-does-not-exist.ico", null));

        assertThat(answers.get("200 read").status()).isEqualTo(200);
        assertThat(answers.get("201 write").status()).isEqualTo(201);
        assertThat(answers.get("400 from MVC").status()).isEqualTo(400);
        assertThat(answers.get("404 from MVC").status()).isEqualTo(404);
        assertThat(answers.get("405").status()).isEqualTo(405);
        assertThat(answers.get("401 from the key filter").status()).isEqualTo(401);
        assertThat(answers.get("403 from the key filter").status()).isEqualTo(403);
        assertThat(answers.get("413 from the body filter").status()).isEqualTo(413);
        assertThat(answers.get("public API problem").status()).isEqualTo(400);
        assertThat(answers.get("health").status()).isEqualTo(200);
        answers.forEach((what, response) -> {
            hardened(what, response, "no-store");
            assertThat(response.header("Content-Security-Policy")).as(what).isEqualTo(API_POLICY);
        });
    }

    @Test
    void the_public_api_keeps_its_cache_headers_and_etags() {
        createRegistry();
        Api.Response listed = api.get("/v2/public/registries", null);
        assertThat(listed.status()).isEqualTo(200);
        hardened("public list", listed, "public, max-age=60");
        assertThat(listed.header("ETag")).isNotNull();
        Api.Response notModified = api.send(api.builder("/v2/public/registries", null)
                .header("If-None-Match", listed.header("ETag")).GET().build());
        assertThat(notModified.status()).isEqualTo(304);
        hardened("304", notModified, "public, max-age=60");
    }

    /**
     * The Swagger UI under its policy: the page has no inline script or handler (script-src 'self'), and
     * every script, style sheet and icon it names — and the configuration and document the initializer
     * fetches — comes from this origin with the content type nosniff requires.
     */
    @Test
    void the_swagger_ui_loads_under_its_content_security_policy() {
        Api.Response redirect = api.get("/swagger-ui.html", null);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).endsWith("/swagger-ui/index.html");

        Api.Response page = api.get("/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        hardened("Swagger UI", page, "no-store");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self';").contains("connect-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        String html = page.text();
        assertThat(html).as("no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).as("no inline event handler").doesNotContainPattern("\\son[a-z]+\\s*=");

        List<String> assets = new ArrayList<>();
        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        while (reference.find()) {
            assets.add(reference.group(1));
        }
        assertThat(assets).contains("./swagger-ui-bundle.js", "./swagger-initializer.js", "./swagger-ui.css");
        for (String asset : assets) {
            assertThat(asset).as("same origin").doesNotContain("//");
            Api.Response loaded = api.get("/swagger-ui/" + asset.replaceFirst("^\\./", ""), null);
            assertThat(loaded.status()).as(asset).isEqualTo(200);
            hardened(asset, loaded, "no-store");
            String type = loaded.contentType();
            if (asset.endsWith(".js")) {
                assertThat(type).as(asset).startsWith("text/javascript");
            } else if (asset.endsWith(".css")) {
                assertThat(type).as(asset).startsWith("text/css");
            } else if (asset.endsWith(".png")) {
                assertThat(type).as(asset).startsWith("image/png");
            }
        }
        String initializer = api.get("/swagger-ui/swagger-initializer.js", null).text();
        Matcher configUrl = Pattern.compile("\"configUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(initializer);
        assertThat(configUrl.find()).as(initializer).isTrue();
        assertThat(configUrl.group(1)).as("same origin").startsWith("/");
        Api.Response config = api.get(configUrl.group(1), null);
        assertThat(config.status()).isEqualTo(200);
        String documentUrl = config.json().get("url").asString();
        assertThat(documentUrl).startsWith("/");
        assertThat(api.get(documentUrl, null).json().get("openapi").asString()).startsWith("3.");
    }
}
