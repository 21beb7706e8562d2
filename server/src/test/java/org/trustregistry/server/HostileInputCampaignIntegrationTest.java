package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * A hostile client against every operation of the OpenAPI document: wrong JSON types for each body member,
 * NUL, control characters and lone surrogates, impossible times, huge values, unknown and repeated members,
 * broken JSON and UTF-8, undecodable percent-encoding in paths and query strings, and no key, a bad key or
 * an auditor's key. Whatever it sends: no 5xx; every error is application/problem+json with the caller's
 * X-Request-ID and names no Java class; a refused request wrote no event; and the projections, which must
 * store whatever the edge let through, are still running afterwards.
 */
class HostileInputCampaignIntegrationTest extends IntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> FORBIDDEN = List.of("org.", "java.", "tools.jackson", "springframework",
            "Exception", "$");
    private static final String LONG_DID = "did:web:" + "a".repeat(300) + ".example";

    /** Raw (already percent-encoded) values for path variables and query parameters. */
    private static final List<String> HOSTILE_PATH = List.of("%zz", "%00", "%e9", "%ED%A0%80", "%01",
            "0-0-0-0-0", LONG_DID, "x;y");
    private static final List<String> HOSTILE_QUERY = List.of("%zz", "%e9", "%00", "%ED%A0%80", "a%0Ab", "0x10",
            "99999999999999999999", "active", "2026-01-01T00:00:00%2B01:00", LONG_DID);

    /** JSON text for body members, by the kind of value the member holds. */
    private static final Map<Kind, List<String>> HOSTILE_JSON = Map.of(
            Kind.STRING, List.of("12345", "true", "[]", "{}", "\"\\u0000\"", "\"a\\u0001b\"", "\"\\ud800\"",
                    "\"" + "x".repeat(5000) + "\""),
            Kind.DID, List.of("12345", "\"\\u0000\"", "\"did:web:nul\\u0000\"", "\"" + LONG_DID + "\"",
                    "\"not a did\"", "\"did:web:a\\nb\""),
            Kind.TIME, List.of("0", "-62135596800000", "\"2026-01-01T00:00:00+01:00\"", "\"+99999-01-01T00:00:00Z\"",
                    "\"2026-01-01T24:00:00Z\"", "\"\"", "\"2026-02-30T00:00:00Z\""),
            Kind.UUID, List.of("\"0-0-0-0-0\"", "\"\"", "\"AAAAAAAAAAAAAAAAAAAAAA==\"", "123", "\"\\u0000\""),
            Kind.ENUM, List.of("\"active\"", "0", "\"\"", "\" ACTIVE\"", "\"\\u0000\""),
            Kind.ARRAY, List.of("\"x\"", "[1]", "[null]", "{}", "[" + "\"x\",".repeat(100) + "\"x\"]",
                    "[\"\\u0000\"]"),
            Kind.OBJECT, List.of("\"x\"", "[]", "{\"k\":\"\\u0000\"}", "{\"\\u0000\":1}", "{\"n\":1e999}",
                    "{\"d\":" + "[".repeat(80) + "]".repeat(80) + "}", "{\"k\":\"\\ud800\"}"),
            Kind.INTEGER, List.of("\"1\"", "1.5", "true", "1e999"),
            Kind.BOOLEAN, List.of("\"true\"", "1"));

    enum Kind { STRING, DID, TIME, UUID, ENUM, ARRAY, OBJECT, INTEGER, BOOLEAN }

    /** A body member: its name, what it holds, and a value that would pass. */
    record Member(String name, Kind kind, String validJson) {
    }

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private ApiKeys keys;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private JsonNode docs;
    private String auditorKey;
    private int sent;

    @Test
    void no_hostile_request_gets_a_5xx_a_bare_error_or_writes_an_event() {
        fixtures();
        docs = api.get("/v3/api-docs", null).json();
        long started = System.nanoTime();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                attack(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
                operations++;
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        LoggerFactory.getLogger(getClass()).info("Hostile campaign: {} requests to {} operations in {} s, {} refused",
                sent, operations, seconds, refused.size());
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(70);
        assertThat(refused.size()).as("refused requests (the campaign is hostile)").isGreaterThan(sent * 3 / 4);
        assertThat(failures).as(sent + " requests in " + seconds + " s; failures (first 40):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size())))).isEmpty();

        List<String> writtenBy = jdbc.sql("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' "
                        + "FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' LIKE ? "
                        + "AND payload_type NOT LIKE 'org.trustregistry.events.access.%'") // refusals are audited
                .param("hostile-" + RUN + "-%").query(String.class).list();
        assertThat(writtenBy).as("events written by refused requests").noneMatch(refused::contains);

        awaitProjections();
        for (JsonNode projection : api.get("/v2/admin/projections", ADMIN_KEY).json()) {
            assertThat(projection.path("errors").isEmpty()).as("projection after the campaign: " + projection).isTrue();
        }
    }

    /** What the operations need to get past "not found": one of every record, and a DID directory entry. */
    private void fixtures() {
        String registry = createRegistry();
        ids.put("registry", registry);
        ids.put("ecosystemDid", api.get("/v2/registries/" + registry, null).json().get("ecosystemDid").asString());
        ids.put("framework", api.post("/v2/trust-frameworks", Api.json(Map.of("name", unique("Hostile "))),
                ADMIN_KEY).id());
        String type = unique("HostileCredential");
        ids.put("type", type);
        ids.put("schema", createSchema(registry, type));
        ids.put("issuerDid", did("hostile-issuer"));
        ids.put("issuer", register("issuers", registry, ids.get("issuerDid"), List.of(ids.get("schema"))));
        changeStatus("issuers", ids.get("issuer"), "ACTIVE", null);
        ids.put("delegate", register("issuers", registry, did("hostile-delegate"), List.of()));
        ids.put("delegation", api.post("/v2/issuers/" + ids.get("issuer") + "/delegations", Api.json(Map.of(
                "delegateIssuerId", ids.get("delegate"), "credentialTypes", List.of(ids.get("schema")))), ADMIN_KEY).id());
        ids.put("verifier", register("verifiers", registry, did("hostile-verifier"), List.of(ids.get("schema"))));
        ids.put("connection", api.post("/v2/registries/" + registry + "/federation", Api.json(Map.of(
                "remoteRegistryDid", did("hostile-remote"), "remoteRegistryType", "toip",
                "recognitions", List.of(Map.of("action", "issue", "resource", type)))), ADMIN_KEY).id());
        ids.put("directoryDid", did("hostile-directory"));
        assertThat(api.put("/v2/dids/" + ids.get("directoryDid"), Api.json(Map.of("serviceType", "LinkedDomains",
                "endpoint", "https://hostile.example")), ADMIN_KEY).status()).isEqualTo(200);
        // never given a directory entry, so that resolving it is a 404 and never a network fetch
        ids.put("unknownDid", did("hostile-unknown"));
        auditorKey = ApiKeys.newKey();
        keys.store("hostile campaign auditor", auditorKey, Role.AUDITOR, null, "test");
        awaitProjections();
    }

    private void attack(String method, String template, JsonNode operation) {
        List<Member> members = members(template, operation);
        String body = members == null ? null : object(members, null, null);
        String path = fill(template, null, null);
        String query = "";

        // who asks: nobody, an auditor, a key that does not exist
        send(method, path, null, body, "application/json", "no key");
        send(method, path, auditorKey, body, "application/json", "auditor key");
        send(method, path, "trk_not-a-key", body, "application/json", "bad key");

        // what the path says
        Matcher variables = PATH_VARIABLE.matcher(template);
        while (variables.find()) {
            for (String value : HOSTILE_PATH) {
                send(method, fill(template, variables.group(1), value), ADMIN_KEY, body, "application/json",
                        "path {" + variables.group(1) + "}=" + value);
            }
        }
        // what the query string says
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            for (String value : HOSTILE_QUERY) {
                send(method, path + "?" + parameter.get("name").asString() + "=" + value, ADMIN_KEY, body,
                        "application/json", "query " + parameter.get("name").asString() + "=" + value);
            }
        }
        if (members == null) {
            return;
        }
        // what the body says, member by member
        for (Member member : members) {
            for (String value : HOSTILE_JSON.get(member.kind())) {
                send(method, path, ADMIN_KEY, object(members, member.name(), value), "application/json",
                        "body " + member.name() + "=" + abbreviated(value));
            }
        }
        // and as a whole
        String first = members.isEmpty() ? "x" : members.get(0).name();
        String valid = object(members, null, null);
        String inner = valid.substring(1, valid.length() - 1);
        for (String whole : List.of(
                "{" + inner + (inner.isEmpty() ? "" : ",") + "\"zzUnknownMember\":1}",
                "{" + inner + (inner.isEmpty() ? "" : ",") + "\"" + first + "\":null}",
                "{" + inner + (inner.isEmpty() ? "" : ",") + "\"\\u0000\":1}",
                "[]", "\"x\"", "null", "{", valid + " {}", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}",
                "\ufeff" + valid)) {
            send(method, path, ADMIN_KEY, whole, "application/json", "body " + abbreviated(whole));
        }
        sendBytes(method, path, ("{\"" + first + "\":\"Gen\u00e8ve\"}").getBytes(StandardCharsets.ISO_8859_1),
                "body in ISO-8859-1");
        sendBytes(method, path, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'},
                "body with an encoded surrogate");
        for (String type : List.of("application/json-patch+json", "text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1")) {
            send(method, path, ADMIN_KEY, valid, type, "content type " + type);
        }
    }

    /** The concrete path: every variable an existing record's id (or DID), one of them replaced if asked. */
    private String fill(String template, String replaced, String value) {
        Matcher m = PATH_VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(path, Matcher.quoteReplacement(name.equals(replaced) ? value : variable(template, name)));
        }
        m.appendTail(path);
        return path.toString();
    }

    private String variable(String template, String name) {
        return switch (name) {
            case "id" -> ids.get(template.startsWith("/v2/trust-frameworks") ? "framework"
                    : template.startsWith("/v2/registries") ? "registry"
                    : template.startsWith("/v2/schemas") ? "schema"
                    : template.startsWith("/v2/verifiers") ? "verifier" : "issuer");
            case "registryId" -> ids.get("registry");
            case "issuerId" -> ids.get("issuer");
            case "schemaId" -> ids.get("schema");
            case "delegationId" -> ids.get("delegation");
            case "connectionId" -> ids.get("connection");
            case "name" -> "no-such-projection"; // a real one would be rebuilt
            case "did" -> template.endsWith("/resolve") ? ids.get("unknownDid")
                    : template.startsWith("/v2/public") ? ids.get("issuerDid") : ids.get("directoryDid");
            case "entity_id" -> ids.get("issuerDid");
            case "ecosystem_id" -> ids.get("ecosystemDid");
            case "aggregateId" -> ids.get("registry");
            default -> "1"; // a route added since: still attacked, through a value that names nothing
        };
    }

    /** The members of the operation's body, or null if it takes none. */
    private List<Member> members(String template, JsonNode operation) {
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        if (schema.isMissingNode()) {
            return null;
        }
        // TRQP and the trust queries take a JSON object the document does not detail
        switch (template) {
            case "/v2/authorization", "/v2/recognition" -> {
                return List.of(new Member("entity_id", Kind.DID, quoted(ids.get("issuerDid"))),
                        new Member("authority_id", Kind.DID, quoted(ids.get("ecosystemDid"))),
                        new Member("action", Kind.STRING, "\"issue\""),
                        new Member("resource", Kind.STRING, quoted(ids.get("type"))),
                        new Member("context", Kind.OBJECT, "{\"time\":\"2026-01-01T00:00:00Z\"}"));
            }
            case "/v2/query" -> {
                return List.of(new Member("entityType", Kind.ENUM, "\"issuer\""),
                        new Member("did", Kind.DID, quoted(ids.get("issuerDid"))),
                        new Member("registryId", Kind.UUID, quoted(ids.get("registry"))),
                        new Member("validAt", Kind.TIME, "\"2026-01-01T00:00:00Z\""));
            }
            case "/v2/query/batch" -> {
                return List.of(new Member("queries", Kind.ARRAY, "[{\"entityType\":\"issuer\"}]"));
            }
            default -> {
                return properties(resolve(schema));
            }
        }
    }

    private List<Member> properties(JsonNode schema) {
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode type = resolve(property.getValue());
            members.add(new Member(name, kind(name, type), validJson(name, type)));
        }
        return members;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : docs.at("/components/schemas/" + ref.asString().substring(
                "#/components/schemas/".length()));
    }

    private static Kind kind(String name, JsonNode type) {
        String format = type.path("format").asString();
        return switch (type.path("type").asString("object")) {
            case "string" -> type.has("enum") ? Kind.ENUM : format.equals("uuid") ? Kind.UUID
                    : format.equals("date-time") ? Kind.TIME : name.equals("did") || name.endsWith("Did") ? Kind.DID
                    : Kind.STRING;
            case "array" -> Kind.ARRAY;
            case "integer" -> Kind.INTEGER;
            case "boolean" -> Kind.BOOLEAN;
            default -> Kind.OBJECT;
        };
    }

    /** A value that passes, so that the one hostile member is what the server has to judge. */
    private String validJson(String name, JsonNode type) {
        return switch (kind(name, type)) {
            case ENUM -> quoted(type.get("enum").get(0).asString());
            case UUID -> quoted(switch (name) {
                case "trustFrameworkId" -> ids.get("framework");
                case "schemaId" -> ids.get("schema");
                case "delegateIssuerId" -> ids.get("delegate");
                default -> ids.get("registry");
            });
            case TIME -> name.equals("validFrom") ? "\"2025-01-01T00:00:00Z\"" : "\"2031-01-01T00:00:00Z\"";
            case DID -> quoted(did("hostile"));
            case ARRAY -> {
                JsonNode items = resolve(type.path("items"));
                if (items.path("format").asString().equals("uuid")) {
                    yield "[" + quoted(ids.get("schema")) + "]";
                }
                yield items.has("properties") ? "[" + object(properties(items), null, null) + "]" : "[\"x\"]";
            }
            case OBJECT -> type.has("properties") ? object(properties(type), null, null)
                    : name.equals("jsonSchema") ? "{\"type\":\"object\"}" : "{}";
            case INTEGER -> "1";
            case BOOLEAN -> "true";
            case STRING -> quoted(switch (name) {
                case "remoteRegistryType" -> "toip";
                case "status" -> "ACTIVE";
                default -> name.endsWith("Url") || name.endsWith("Endpoint") || name.equals("endpoint")
                        ? "https://hostile.example" : "x";
            });
        };
    }

    private static String object(List<Member> members, String replaced, String value) {
        StringBuilder json = new StringBuilder("{");
        for (Member member : members) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(member.name()).append("\":")
                    .append(member.name().equals(replaced) ? value : member.validJson());
        }
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private void send(String method, String target, String key, String body, String contentType, String variant) {
        sendRaw(method, target, key, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, variant);
    }

    private void sendBytes(String method, String target, byte[] body, String variant) {
        sendRaw(method, target, ADMIN_KEY, body, "application/json", variant);
    }

    private void sendRaw(String method, String target, String key, byte[] body, String contentType, String variant) {
        String requestId = "hostile-" + RUN + "-" + (++sent);
        List<String> headers = new ArrayList<>(List.of("X-Request-ID: " + requestId, "Accept: application/json"));
        if (key != null) {
            headers.add("X-API-Key: " + key);
        }
        if (body != null) {
            headers.add("Content-Type: " + contentType);
        }
        RawHttp.Answer answer = RawHttp.request(port, method, target, headers, body);
        check(method + " " + abbreviated(target) + " [" + variant + "]", requestId, answer);
    }

    private void check(String label, String requestId, RawHttp.Answer answer) {
        int status = answer.status();
        if (status >= 400) {
            refused.add(requestId);
        }
        boolean notImplemented = status == 501 && label.startsWith("GET /v2/lookups/assuranceLevels");
        if (status >= 500 && !notImplemented) {
            failures.add(label + ": " + status + " " + abbreviated(answer.body()));
        }
        if (!requestId.equals(answer.header("X-Request-ID"))) {
            failures.add(label + ": X-Request-ID " + answer.header("X-Request-ID"));
        }
        if (status < 400) {
            return;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(label + ": " + status + " as " + type + ": " + abbreviated(answer.body()));
            return;
        }
        JsonNode problem;
        try {
            problem = Api.parse(answer.body());
        } catch (RuntimeException e) {
            failures.add(label + ": " + status + " with a body that is not JSON: " + abbreviated(answer.body()));
            return;
        }
        if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()
                || !problem.path("type").asString("").startsWith("/problems/")) {
            failures.add(label + ": not a complete problem: " + abbreviated(answer.body()));
        }
        for (String forbidden : FORBIDDEN) {
            if (answer.body().contains(forbidden)) {
                failures.add(label + ": names '" + forbidden + "': " + answer.body());
            }
        }
    }
}
