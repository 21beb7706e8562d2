package org.trustregistry.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the integration tests: real requests to the running server on loopback. */
public final class Api {

    /** A response: status, headers and the body parsed as JSON (null when empty or not JSON, e.g. HTML). */
    public record Response(int status, Map<String, java.util.List<String>> headers, String text, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String id() {
            return json.get("id").asString();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path, String key) {
        return send(builder(path, key).GET().build());
    }

    public Response post(String path, String body, String key) {
        return send(withBody(path, key, "POST", body));
    }

    public Response put(String path, String body, String key) {
        return send(withBody(path, key, "PUT", body));
    }

    public Response patch(String path, String body, String key) {
        return send(withBody(path, key, "PATCH", body));
    }

    public Response delete(String path, String key) {
        return send(builder(path, key).DELETE().build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean notJson = !type.isEmpty() && !type.contains("json");
            JsonNode json = text == null || text.isBlank() || notJson ? null : JSON.readTree(text);
            return new Response(response.statusCode(), response.headers().map(), text, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("X-API-Key", key);
        }
        return builder;
    }

    private HttpRequest withBody(String path, String key, String method, String body) {
        return builder(path, key).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
