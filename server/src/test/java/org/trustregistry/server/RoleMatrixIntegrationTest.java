package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * Every write operation of the API against every kind of caller: no key, an unknown, expired or revoked
 * key (401), an auditor (403), the registry owner of another registry (403, from the command side, which
 * names the registry the target belongs to), the owner of the target's own registry (the operation's
 * answer where an owner may, 403 where an owner never may) and an admin. A refused call writes no event
 * (found by its X-Request-ID in the events' metadata); an accepted one does. The operations are an explicit
 * table, checked against the API document: a new write fails here until its row says who may make it.
 */
class RoleMatrixIntegrationTest extends IntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^{}]*\\}");
    /** The POSTs that are queries, not writes: public, and never a command. */
    private static final Set<String> PUBLIC_QUERIES = Set.of("POST /v2/authorization", "POST /v2/recognition",
            "POST /v2/query", "POST /v2/query/batch", "POST /v2/entries/verify", "POST /v2/schemas/{}/validate");

    @Autowired
    private ApiKeys keys;

    /** Request ids are unique across the class's tests: each test's refusals are checked against all events. */
    private static final AtomicInteger SENT = new AtomicInteger();
    /** The registry whose owner is the OTHER_OWNER caller. */
    private String otherRegistry;

    enum Caller { NO_KEY, UNKNOWN_KEY, EXPIRED_KEY, REVOKED_KEY, AUDITOR, OTHER_OWNER, OWNER, ADMIN }

    /** A registry made for one case, and the key of its registry owner. */
    private record Registry(String id, String ownerKey) {
    }

    /** A request: method, path (with its query) and JSON body (null for none). */
    private record Call(String method, String path, String body) {
    }

    /**
     * A write operation, by its route in the API document ("PATCH /v2/issuers/{}/status"): how to make a
     * fresh case of it in a registry of its own, and what its owner and an admin get.
     */
    private record Operation(String route, Function<Registry, Call> prepare, int owner, int admin,
                             boolean writesEvents) {
    }

    private static final int OWNER_NEVER = 403;

    /** A registry_owner key of the registry (its id), to rotate or revoke. */
    private String ownerKeyOf(String registryId) {
        return keys.store("staff key", ApiKeys.newKey(), Role.REGISTRY_OWNER,
                UUID.fromString(registryId), "test").toString();
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        // trust frameworks: the operator's
        operations.add(new Operation("POST /v2/trust-frameworks",
                r -> new Call("POST", "/v2/trust-frameworks", frameworkBody()), OWNER_NEVER, 201, true));
        operations.add(new Operation("PUT /v2/trust-frameworks/{}",
                r -> new Call("PUT", "/v2/trust-frameworks/" + framework(), frameworkBody()), OWNER_NEVER, 200, true));
        operations.add(new Operation("PATCH /v2/trust-frameworks/{}/status",
                r -> new Call("PATCH", "/v2/trust-frameworks/" + framework() + "/status",
                        json(Map.of("status", "DEPRECATED", "reason", "superseded"))), OWNER_NEVER, 200, true));
        // registries
        operations.add(new Operation("POST /v2/registries",
                r -> new Call("POST", "/v2/registries", json(Map.of("name", unique("Registry "),
                        "ecosystemDid", did("eco")))), OWNER_NEVER, 201, true));
        operations.add(new Operation("PUT /v2/registries/{}",
                r -> new Call("PUT", "/v2/registries/" + r.id(), json(Map.of("name", unique("Renamed "),
                        "governanceAuthority", "Board"))), 200, 200, true));
        operations.add(new Operation("PUT /v2/registries/{}/trust-framework",
                r -> new Call("PUT", "/v2/registries/" + r.id() + "/trust-framework",
                        json(Map.of("trustFrameworkId", framework()))), OWNER_NEVER, 200, true));
        operations.add(new Operation("DELETE /v2/registries/{}/trust-framework",
                r -> {
                    admin("PUT", "/v2/registries/" + r.id() + "/trust-framework",
                            json(Map.of("trustFrameworkId", framework())), 200);
                    return new Call("DELETE", "/v2/registries/" + r.id() + "/trust-framework", null);
                }, OWNER_NEVER, 200, true));
        operations.add(new Operation("POST /v2/registries/{}/keys/rotate",
                r -> new Call("POST", "/v2/registries/" + r.id() + "/keys/rotate", ""), 200, 200, true));
        operations.add(new Operation("PATCH /v2/registries/{}/status",
                r -> new Call("PATCH", "/v2/registries/" + r.id() + "/status",
                        json(Map.of("status", "SUSPENDED", "reason", "audit"))), OWNER_NEVER, 200, true));
        // schemas
        operations.add(new Operation("POST /v2/schemas",
                r -> new Call("POST", "/v2/schemas", schemaBody(r.id(), unique("Type"))), 201, 201, true));
        operations.add(new Operation("PUT /v2/schemas/{}",
                r -> {
                    String type = unique("Type");
                    String schema = createSchema(r.id(), type);
                    return new Call("PUT", "/v2/schemas/" + schema, json(Map.of("name", type + " v2", "version",
                            "2.0", "type", type, "jsonSchema", Map.of("type", "object"))));
                }, 200, 200, true));
        operations.add(new Operation("PATCH /v2/schemas/{}/status",
                r -> new Call("PATCH", "/v2/schemas/" + createSchema(r.id(), unique("Type")) + "/status",
                        json(Map.of("status", "DEPRECATED", "reason", "superseded"))), 200, 200, true));
        // issuers and verifiers
        for (String kind : List.of("issuers", "verifiers")) {
            operations.add(new Operation("POST /v2/" + kind,
                    r -> new Call("POST", "/v2/" + kind, json(Map.of("did", did("new"), "registryId", r.id(),
                            "name", unique("Entity "), "credentialTypes",
                            List.of(createSchema(r.id(), unique("Type")))))), 201, 201, true));
            operations.add(new Operation("PUT /v2/" + kind + "/{}",
                    r -> new Call("PUT", "/v2/" + kind + "/" + register(kind, r.id(), did("e"), List.of()),
                            json(Map.of("name", unique("Renamed "), "accreditationLevel", "high"))), 200, 200, true));
            operations.add(new Operation("PATCH /v2/" + kind + "/{}/status",
                    r -> new Call("PATCH", "/v2/" + kind + "/" + register(kind, r.id(), did("e"), List.of())
                            + "/status", json(Map.of("status", "ACTIVE"))), 200, 200, true));
            operations.add(new Operation("POST /v2/" + kind + "/{}/credential-types",
                    r -> new Call("POST", "/v2/" + kind + "/" + register(kind, r.id(), did("e"), List.of())
                            + "/credential-types", json(Map.of("schemaId", createSchema(r.id(), unique("Type"))))),
                    200, 200, true));
            operations.add(new Operation("DELETE /v2/" + kind + "/{}/credential-types/{}",
                    r -> {
                        String schema = createSchema(r.id(), unique("Type"));
                        String entity = register(kind, r.id(), did("e"), List.of(schema));
                        return new Call("DELETE", "/v2/" + kind + "/" + entity + "/credential-types/" + schema
                                + "?reason=withdrawn", null);
                    }, 200, 200, true));
        }
        // delegations
        operations.add(new Operation("POST /v2/issuers/{}/delegations",
                r -> {
                    String schema = createSchema(r.id(), unique("Type"));
                    String delegator = activeIssuer(r.id(), schema);
                    String delegate = register("issuers", r.id(), did("delegate"), List.of());
                    return new Call("POST", "/v2/issuers/" + delegator + "/delegations",
                            json(Map.of("delegateIssuerId", delegate, "credentialTypes", List.of(schema))));
                }, 201, 201, true));
        operations.add(new Operation("DELETE /v2/issuers/{}/delegations/{}",
                r -> {
                    String[] delegation = delegation(r.id());
                    return new Call("DELETE", "/v2/issuers/" + delegation[0] + "/delegations/" + delegation[1]
                            + "?reason=ended", null);
                }, 200, 200, true));
        // federation
        operations.add(new Operation("POST /v2/registries/{}/federation",
                r -> new Call("POST", "/v2/registries/" + r.id() + "/federation", federationBody()), 201, 201, true));
        operations.add(new Operation("PATCH /v2/registries/{}/federation/{}/status",
                r -> new Call("PATCH", "/v2/registries/" + r.id() + "/federation/" + connection(r.id()) + "/status",
                        json(Map.of("status", "SUSPENDED", "reason", "review"))), 200, 200, true));
        // the DID directory: its members' entries
        operations.add(new Operation("PUT /v2/dids/{}",
                r -> {
                    String did = did("member");
                    register("issuers", r.id(), did, List.of());
                    return new Call("PUT", "/v2/dids/" + did, didServiceBody());
                }, 200, 200, true));
        operations.add(new Operation("POST /v2/dids/{}/resolve",
                r -> {
                    String did = DidKeys.randomEd25519();
                    register("verifiers", r.id(), did, List.of());
                    return new Call("POST", "/v2/dids/" + did + "/resolve", "");
                }, 200, 200, true));
        // API keys: an owner manages its own registry's registry_owner keys
        operations.add(new Operation("POST /v2/api-keys",
                r -> new Call("POST", "/v2/api-keys", json(Map.of("name", "staff " + RUN, "role", "registry_owner",
                        "registryId", r.id()))), 201, 201, true));
        operations.add(new Operation("POST /v2/api-keys/{}/rotate",
                r -> new Call("POST", "/v2/api-keys/" + ownerKeyOf(r.id()) + "/rotate",
                        json(Map.of("gracePeriod", "PT1M"))), 200, 200, true));
        operations.add(new Operation("DELETE /v2/api-keys/{}",
                r -> new Call("DELETE", "/v2/api-keys/" + ownerKeyOf(r.id()) + "?reason=left", null), 200, 200, true));
        // projection administration: not commands, the operator's
        operations.add(new Operation("POST /v2/admin/projections/{}/rebuild",
                r -> new Call("POST", "/v2/admin/projections/trust-frameworks/rebuild", ""), OWNER_NEVER, 202, false));
        operations.add(new Operation("POST /v2/admin/projections/{}/dead-letters/retry",
                r -> new Call("POST", "/v2/admin/projections/did-directory/dead-letters/retry", ""), OWNER_NEVER, 200,
                false));
        operations.add(new Operation("DELETE /v2/admin/projections/{}/dead-letters/{}",
                r -> new Call("DELETE", "/v2/admin/projections/did-directory/dead-letters/no-such-sequence", null),
                OWNER_NEVER, 404, false));
        return operations;
    }

    @Test
    void the_table_has_a_row_for_every_write_operation_of_the_api_document() {
        JsonNode docs = api.get("/v3/api-docs", null).json();
        Set<String> writes = new TreeSet<>();
        Set<String> publicPosts = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    String route = method + " " + PATH_VARIABLE.matcher(path.getKey()).replaceAll("{}");
                    (operation.getValue().has("security") ? writes : publicPosts).add(route);
                }
            }
        }
        assertThat(publicPosts).as("writes without a key are the public queries only").isEqualTo(PUBLIC_QUERIES);
        assertThat(writes).as("write operations of /v3/api-docs").hasSizeGreaterThan(25)
                .isEqualTo(new TreeSet<>(operations().stream().map(Operation::route).toList()));
    }

    @Test
    void every_write_answers_each_kind_of_caller_as_its_role_allows_and_refused_calls_write_nothing() {
        Map<Caller, String> refusedKeys = refusedCallers();
        Set<String> refused = new HashSet<>();
        Set<String> written = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations()) {
            Registry shared = newRegistry();
            Call call = operation.prepare().apply(shared);
            refusedKeys.forEach((caller, key) -> {
                int expected = caller.ordinal() <= Caller.REVOKED_KEY.ordinal() ? 401 : 403;
                String requestId = requestId();
                Api.Response response = send(call, key, requestId);
                refused.add(requestId);
                check(failures, operation, caller, response, expected);
                if (caller == Caller.OTHER_OWNER && operation.owner() != OWNER_NEVER && !response.json().path("detail")
                        .asString().startsWith("A registry_owner key of registry " + otherRegistry + " may not ")) {
                    failures.add(operation.route() + " as " + caller + ": not refused by the command side: " + response);
                }
            });
            for (Caller caller : List.of(Caller.OWNER, Caller.ADMIN)) {
                Registry own = newRegistry();
                Call mine = operation.prepare().apply(own);
                String requestId = requestId();
                Api.Response response = send(mine, caller == Caller.OWNER ? own.ownerKey() : ADMIN_KEY, requestId);
                int expected = caller == Caller.OWNER ? operation.owner() : operation.admin();
                check(failures, operation, caller, response, expected);
                if (expected == 403) {
                    refused.add(requestId);
                } else if (operation.writesEvents()) {
                    written.add(requestId);
                }
            }
        }
        awaitProjections();
        assertThat(failures).as("answers that differ from the table").isEmpty();
        Set<String> withEvents = requestsWithEvents();
        assertThat(refused).as("refused calls that wrote events").doesNotContainAnyElementsOf(withEvents);
        assertThat(withEvents).as("accepted writes wrote their events").containsAll(written);
    }

    /** Owners of two registries reaching for each other's records: all refused, nothing written. */
    @Test
    void owners_of_two_registries_cannot_touch_each_other_s_records() {
        Registry a = newRegistry();
        Registry b = newRegistry();
        String schemaB = createSchema(b.id(), unique("TypeB"));
        String issuerB = activeIssuer(b.id(), schemaB);
        String verifierB = register("verifiers", b.id(), did("vb"), List.of(schemaB));
        String[] delegationB = delegation(b.id());
        String connectionB = connection(b.id());
        String ecosystemB = api.get("/v2/registries/" + b.id(), null).json().get("ecosystemDid").asString();
        String schemaA = createSchema(a.id(), unique("TypeA"));
        String issuerA = activeIssuer(a.id(), schemaA);

        Map<String, Call> reaches = new LinkedHashMap<>();
        reaches.put("rename B", new Call("PUT", "/v2/registries/" + b.id(), json(Map.of("name", "Mine now"))));
        reaches.put("rotate B's key", new Call("POST", "/v2/registries/" + b.id() + "/keys/rotate", ""));
        reaches.put("register a schema in B", new Call("POST", "/v2/schemas", schemaBody(b.id(), unique("T"))));
        reaches.put("change B's schema", new Call("PUT", "/v2/schemas/" + schemaB, json(Map.of("name", "Mine",
                "jsonSchema", Map.of("type", "object")))));
        reaches.put("deprecate B's schema", new Call("PATCH", "/v2/schemas/" + schemaB + "/status",
                json(Map.of("status", "DEPRECATED", "reason", "mine"))));
        reaches.put("register an issuer in B", new Call("POST", "/v2/issuers", json(Map.of("did", did("x"),
                "registryId", b.id(), "name", "Intruder"))));
        reaches.put("register an issuer in A with B's schema", new Call("POST", "/v2/issuers",
                json(Map.of("did", did("x"), "registryId", a.id(), "name", "Borrower",
                        "credentialTypes", List.of(schemaB)))));
        reaches.put("suspend B's issuer", new Call("PATCH", "/v2/issuers/" + issuerB + "/status",
                json(Map.of("status", "SUSPENDED", "reason", "mine"))));
        reaches.put("change B's issuer", new Call("PUT", "/v2/issuers/" + issuerB, json(Map.of("name", "Mine"))));
        reaches.put("authorize B's issuer", new Call("POST", "/v2/issuers/" + issuerB + "/credential-types",
                json(Map.of("schemaId", schemaA))));
        reaches.put("authorize A's issuer for B's schema", new Call("POST", "/v2/issuers/" + issuerA
                + "/credential-types", json(Map.of("schemaId", schemaB))));
        reaches.put("withdraw from B's issuer", new Call("DELETE", "/v2/issuers/" + issuerB + "/credential-types/"
                + schemaB + "?reason=mine", null));
        reaches.put("revoke B's verifier", new Call("PATCH", "/v2/verifiers/" + verifierB + "/status",
                json(Map.of("status", "REVOKED", "reason", "mine"))));
        reaches.put("delegate from B's issuer", new Call("POST", "/v2/issuers/" + issuerB + "/delegations",
                json(Map.of("delegateIssuerId", delegationB[2], "credentialTypes", List.of(schemaB)))));
        reaches.put("delegate from A's issuer to B's", new Call("POST", "/v2/issuers/" + issuerA + "/delegations",
                json(Map.of("delegateIssuerId", issuerB, "credentialTypes", List.of(schemaA)))));
        reaches.put("revoke B's delegation", new Call("DELETE", "/v2/issuers/" + delegationB[0] + "/delegations/"
                + delegationB[1] + "?reason=mine", null));
        reaches.put("revoke B's delegation through A's issuer", new Call("DELETE", "/v2/issuers/" + issuerA
                + "/delegations/" + delegationB[1] + "?reason=mine", null));
        reaches.put("federate B", new Call("POST", "/v2/registries/" + b.id() + "/federation", federationBody()));
        reaches.put("suspend B's connection", new Call("PATCH", "/v2/registries/" + b.id() + "/federation/"
                + connectionB + "/status", json(Map.of("status", "SUSPENDED", "reason", "mine"))));
        reaches.put("suspend B's connection through A", new Call("PATCH", "/v2/registries/" + a.id() + "/federation/"
                + connectionB + "/status", json(Map.of("status", "SUSPENDED", "reason", "mine"))));
        reaches.put("B's ecosystem DID entry", new Call("PUT", "/v2/dids/" + ecosystemB, didServiceBody()));
        reaches.put("B's issuer's DID entry", new Call("PUT", "/v2/dids/" + api.get("/v2/issuers/" + issuerB, null)
                .json().get("did").asString(), didServiceBody()));
        reaches.put("a DID nobody registered", new Call("PUT", "/v2/dids/" + did("nobody"), didServiceBody()));

        Set<String> refused = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Call> reach : reaches.entrySet()) {
            String requestId = requestId();
            refused.add(requestId);
            Api.Response response = send(reach.getValue(), a.ownerKey(), requestId);
            if (response.status() != 403 || !response.contentType().startsWith("application/problem+json")
                    || !response.json().get("detail").asString().startsWith("A registry_owner key of registry " + a.id()
                            + " may not ")) {
                failures.add(reach.getKey() + ": " + response);
            }
        }
        assertThat(failures).as("reaches into registry B that were not refused as such").isEmpty();
        assertThat(requestsWithEvents()).as("events written by refused calls").doesNotContainAnyElementsOf(refused);

        // and the refusals say whose the target is, in the API's words
        Api.Response suspend = send(reaches.get("suspend B's issuer"), a.ownerKey(), requestId());
        assertThat(suspend.json().get("detail").asString()).isEqualTo("A registry_owner key of registry " + a.id()
                + " may not change the status of issuer " + issuerB + ", which belongs to registry " + b.id());
        assertThat(suspend.json().get("status").asInt()).isEqualTo(403);
        // B's owner is not refused the same writes
        assertThat(send(reaches.get("suspend B's issuer"), b.ownerKey(), requestId()).status()).isEqualTo(200);
        assertThat(send(reaches.get("B's ecosystem DID entry"), b.ownerKey(), requestId()).status()).isEqualTo(200);
    }

    @Test
    void what_an_owner_may_never_do_is_refused_in_words_that_say_who_may() {
        Registry own = newRegistry();
        Api.Response create = send(new Call("POST", "/v2/registries", json(Map.of("name", "Own",
                "ecosystemDid", did("own")))), own.ownerKey(), requestId());
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().get("detail").asString()).contains("registry_owner", "needs the role admin")
                .doesNotContain("org.trustregistry", "Exception");
        Api.Response status = send(new Call("PATCH", "/v2/registries/" + own.id() + "/status",
                json(Map.of("status", "RETIRED", "reason", "done"))), own.ownerKey(), requestId());
        assertThat(status.status()).isEqualTo(403);
        Api.Response auditor = send(new Call("PUT", "/v2/registries/" + own.id(), json(Map.of("name", "x"))),
                refusedCallers().get(Caller.AUDITOR), requestId());
        assertThat(auditor.json().get("detail").asString())
                .contains("auditor", "admin, or the registry_owner of the registry it belongs to");
    }

    @Test
    void an_owner_asking_about_something_that_does_not_exist_gets_not_found() {
        Registry own = newRegistry();
        String nothing = UUID.randomUUID().toString();
        assertThat(send(new Call("PATCH", "/v2/issuers/" + nothing + "/status", json(Map.of("status", "ACTIVE"))),
                own.ownerKey(), requestId()).status()).isEqualTo(404);
        assertThat(send(new Call("PUT", "/v2/schemas/" + nothing, json(Map.of("name", "x",
                "jsonSchema", Map.of("type", "object")))), own.ownerKey(), requestId()).status()).isEqualTo(404);
        assertThat(send(new Call("PATCH", "/v2/registries/" + own.id() + "/federation/" + nothing + "/status",
                json(Map.of("status", "SUSPENDED", "reason", "x"))), own.ownerKey(), requestId()).status())
                .isEqualTo(404);
    }

    private void check(List<String> failures, Operation operation, Caller caller, Api.Response response, int expected) {
        if (response.status() != expected) {
            failures.add(operation.route() + " as " + caller + ": expected " + expected + ", got " + response);
            return;
        }
        if (expected >= 400 && (response.contentType() == null
                || !response.contentType().startsWith("application/problem+json"))) {
            failures.add(operation.route() + " as " + caller + ": not a problem: " + response.contentType());
        }
        if (expected == 401 || expected == 403) {
            String detail = response.json().path("detail").asString();
            if (detail.isBlank() || detail.contains("org.trustregistry") || detail.contains("Exception")) {
                failures.add(operation.route() + " as " + caller + ": detail " + detail);
            }
        }
    }

    /** The callers every write refuses, with their keys (null: none). */
    private Map<Caller, String> refusedCallers() {
        Map<Caller, String> callers = new LinkedHashMap<>();
        callers.put(Caller.NO_KEY, null);
        callers.put(Caller.UNKNOWN_KEY, ApiKeys.newKey());
        String expired = ApiKeys.newKey();
        UUID expiredId = keys.store(unique("expired admin "), expired, Role.ADMIN, null, "test");
        jdbc.sql("UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = ?").param(expiredId).update();
        callers.put(Caller.EXPIRED_KEY, expired);
        String revoked = ApiKeys.newKey();
        UUID revokedId = keys.store(unique("revoked admin "), revoked, Role.ADMIN, null, "test");
        jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE id = ?").param(revokedId).update();
        callers.put(Caller.REVOKED_KEY, revoked);
        String auditor = ApiKeys.newKey();
        keys.store(unique("auditor "), auditor, Role.AUDITOR, null, "test");
        callers.put(Caller.AUDITOR, auditor);
        Registry other = newRegistry();
        otherRegistry = other.id();
        callers.put(Caller.OTHER_OWNER, other.ownerKey());
        return callers;
    }

    private Registry newRegistry() {
        String id = createRegistry();
        String key = ApiKeys.newKey();
        keys.store(unique("owner "), key, Role.REGISTRY_OWNER, UUID.fromString(id), "test");
        return new Registry(id, key);
    }

    private String requestId() {
        return "roles-" + RUN + "-" + SENT.incrementAndGet();
    }

    private Api.Response send(Call call, String key, String requestId) {
        HttpRequest.Builder builder = api.builder(call.path(), key).header("X-Request-ID", requestId);
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        }
        return api.send(builder.build());
    }

    /**
     * The request ids of this run found in the metadata of stored events, but the audit of refusals (a refused
     * request is put on record as an AccessRefused event of its own, and nothing else).
     */
    private Set<String> requestsWithEvents() {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' "
                        + "FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' LIKE ? "
                        + "AND payload_type NOT LIKE 'org.trustregistry.events.access.%'")
                .param("roles-" + RUN + "-%").query(String.class).list());
    }

    private void admin(String method, String path, String body, int expected) {
        Api.Response response = send(new Call(method, path, body), ADMIN_KEY, "setup-" + requestId());
        assertThat(response.status()).as(method + " " + path + ": " + response).isEqualTo(expected);
    }

    private String framework() {
        Api.Response created = api.post("/v2/trust-frameworks", frameworkBody(), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private String activeIssuer(String registryId, String schemaId) {
        String issuer = register("issuers", registryId, did("active"), List.of(schemaId));
        assertThat(changeStatus("issuers", issuer, "ACTIVE", null).status()).isEqualTo(200);
        return issuer;
    }

    /** A delegation in the registry: {delegator, delegation, delegate}. */
    private String[] delegation(String registryId) {
        String schema = createSchema(registryId, unique("Type"));
        String delegator = activeIssuer(registryId, schema);
        String delegate = register("issuers", registryId, did("delegate"), List.of());
        Api.Response granted = api.post("/v2/issuers/" + delegator + "/delegations",
                json(Map.of("delegateIssuerId", delegate, "credentialTypes", List.of(schema))), ADMIN_KEY);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        return new String[] {delegator, granted.id(), delegate};
    }

    private String connection(String registryId) {
        Api.Response created = api.post("/v2/registries/" + registryId + "/federation", federationBody(), ADMIN_KEY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static String frameworkBody() {
        return json(Map.of("name", unique("Framework "), "version", "1.0"));
    }

    private static String schemaBody(String registryId, String type) {
        return json(Map.of("registryId", registryId, "name", type + " schema", "version", "1.0", "type", type,
                "jsonSchema", Map.of("type", "object")));
    }

    private static String federationBody() {
        return json(Map.of("remoteRegistryDid", did("remote"), "remoteRegistryType", "custom",
                "recognitions", List.of(Map.of("action", "issue", "resource", "UniversityDegreeCredential"))));
    }

    private static String didServiceBody() {
        return json(Map.of("serviceType", "LinkedDomains", "endpoint", "https://member.example"));
    }

    private static String json(Object value) {
        return Api.json(value);
    }
}
