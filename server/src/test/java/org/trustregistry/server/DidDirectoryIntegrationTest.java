package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.server.security.ApiKeys;
import org.trustregistry.server.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * The DID directory's writes: service endpoints, and resolution of did:key (locally) and did:web (from
 * an HTTP server this test runs on 127.0.0.1, allowed over plain http by the test configuration).
 */
class DidDirectoryIntegrationTest extends IntegrationTest {

    /** The did:key specification's Ed25519 example and its public key. */
    private static final String DID_KEY = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    private static final String DID_KEY_X = "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik";

    @Autowired
    private ApiKeys keys;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicReference<String> mode = new AtomicReference<>("document");
    private HttpServer server;
    private String webDid;

    @BeforeEach
    void startDidWebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.start();
        String user = unique("user");
        webDid = "did:web:127.0.0.1%3A" + server.getAddress().getPort() + ":" + user;
        server.createContext("/" + user + "/did.json", this::serveDidDocument);
    }

    @AfterEach
    void stopDidWebServer() throws InterruptedException {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void serveDidDocument(HttpExchange exchange) throws IOException {
        switch (mode.get()) {
            case "sleep" -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case "huge" -> {
                exchange.sendResponseHeaders(200, 0); // chunked, no Content-Length to go by
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(("{\"id\":\"" + webDid + "\",\"padding\":\"").getBytes(StandardCharsets.UTF_8));
                    byte[] kilobyte = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 1024; i++) {
                        out.write(kilobyte);
                    }
                } catch (IOException e) {
                    // the registry hung up once it had enough: expected
                }
            }
            default -> {
                byte[] body = """
                        {"@context":["https://www.w3.org/ns/did/v1"],"id":"%s",
                         "verificationMethod":[{"id":"#key-1","type":"JsonWebKey2020","controller":"%s",
                           "publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"%s"}}]}"""
                        .formatted(webDid, webDid, DID_KEY_X).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/did+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** A DID as a path segment: its own percent signs (did:web ports) are escaped. */
    private static String path(String did) {
        return "/v2/dids/" + did.replace("%", "%25");
    }

    private Api.Response putService(String did, Map<String, Object> body, String key) {
        return api.put(path(did), Api.json(body), key);
    }

    private Api.Response resolve(String did, String key) {
        return api.post(path(did) + "/resolve", "", key);
    }

    private static Map<String, Object> service(String endpoint) {
        return Map.of("serviceType", "LinkedDomains", "endpoint", endpoint, "metadata", Map.of("region", "EU"));
    }

    private long events() {
        return eventsButRefusals();
    }

    @Test
    void a_service_endpoint_is_attached_to_a_registered_did() {
        String did = did("uni");
        register("issuers", createRegistry(), did, List.of());
        Api.Response put = putService(did, service("https://uni.example/"), ADMIN_KEY);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("serviceEndpoint").asString()).isEqualTo("https://uni.example/");

        JsonNode entry = api.get(path(did), null).json();
        assertThat(entry.get("roles").get(0).asString()).isEqualTo("issuer");
        assertThat(entry.get("serviceType").asString()).isEqualTo("LinkedDomains");
        assertThat(entry.get("serviceEndpoint").asString()).isEqualTo("https://uni.example/");
        assertThat(entry.get("metadata").get("region").asString()).isEqualTo("EU");

        assertThat(putService(did, Map.of("serviceType", "DIDCommMessaging", "endpoint", "wss://uni.example/dc"),
                ADMIN_KEY).status()).isEqualTo(200);
        entry = api.get(path(did), null).json();
        assertThat(entry.get("serviceType").asString()).as("a PUT replaces").isEqualTo("DIDCommMessaging");
        assertThat(entry.get("metadata")).isEmpty();
        assertThat(entry.get("roles")).hasSize(1);
        assertThat(eventCount(did)).isEqualTo(2);
    }

    @Test
    void a_did_the_registry_does_not_know_gets_an_entry_without_roles() {
        String did = did("stranger");
        assertThat(api.get(path(did), null).status()).isEqualTo(404);
        assertThat(putService(did, service("https://stranger.example"), ADMIN_KEY).status()).isEqualTo(200);
        JsonNode entry = api.get(path(did), null).json();
        assertThat(entry.get("roles")).isEmpty();
        assertThat(entry.get("didMethod").asString()).isEqualTo("web");
        assertThat(entry.get("firstSeenAt").asString()).isNotBlank();
    }

    @Test
    void a_bad_did_or_endpoint_is_400_and_changes_nothing() {
        long before = events();
        for (String bad : List.of("not-a-did", "did:web", "did:WEB:x.example", "did:web:" + "a".repeat(260))) {
            Api.Response response = putService(bad, service("https://x.example"), ADMIN_KEY);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("did");
        }
        for (String bad : List.of("not a url", "/relative", "ftp://x.example/", "https://user:secret@x.example")) {
            Api.Response response = putService(did("ok"), service(bad), ADMIN_KEY);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("endpoint");
        }
        Api.Response missing = putService(did("ok"), Map.of("endpoint", "https://x.example"), ADMIN_KEY);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("serviceType");
        assertThat(api.put(path(did("ok")), "{\"serviceType\": ", ADMIN_KEY).status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void directory_writes_need_an_admin_key() {
        String did = did("guarded");
        assertThat(putService(did, service("https://x.example"), null).status()).isEqualTo(401);
        assertThat(resolve(DID_KEY, null).status()).isEqualTo(401);
        String auditor = ApiKeys.newKey();
        keys.store("did auditor", auditor, Role.AUDITOR, null, "test");
        assertThat(putService(did, service("https://x.example"), auditor).status()).isEqualTo(403);
        assertThat(resolve(DID_KEY, auditor).status()).isEqualTo(403);
        assertThat(api.get(path(did), null).status()).as("nothing was written").isEqualTo(404);
    }

    @Test
    void a_did_key_resolves_locally_to_its_ed25519_jwk() {
        assertThat(putService(DID_KEY, service("https://holder.example"), ADMIN_KEY).status()).isEqualTo(200);
        Api.Response resolved = resolve(DID_KEY, ADMIN_KEY);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        JsonNode key = resolved.json().get("publicKeys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("OKP");
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.get("x").asString()).isEqualTo(DID_KEY_X);
        assertThat(key.get("kid").asString()).isEqualTo(DID_KEY + "#" + DID_KEY.substring("did:key:".length()));

        JsonNode entry = api.get(path(DID_KEY), null).json();
        assertThat(entry.get("publicKeys").get(0).get("x").asString()).isEqualTo(DID_KEY_X);
        assertThat(entry.get("resolvedAt").asString()).isNotBlank();
        assertThat(entry.get("resolutionSource").asString()).isEqualTo("did:key");
        assertThat(api.get("/v2/events/" + DID_KEY, ADMIN_KEY).json().findValuesAsString("eventType"))
                .as("auditors read a directory entry's history by its DID").contains("DidServiceUpdated", "DidResolved");
    }

    @Test
    void resolving_an_unknown_did_is_404_and_a_malformed_one_400() {
        Api.Response unknown = resolve(did("nobody"), ADMIN_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(resolve("not-a-did", ADMIN_KEY).status()).isEqualTo(400);

        String badKey = "did:key:z6MkNotBase58IOl0";
        putService(badKey, service("https://x.example"), ADMIN_KEY);
        Api.Response undecodable = resolve(badKey, ADMIN_KEY);
        assertThat(undecodable.status()).as(undecodable.toString()).isEqualTo(400);
        assertThat(undecodable.json().get("errors").get(0).get("field").asString()).isEqualTo("did");

        String otherMethod = "did:example:" + unique("x");
        putService(otherMethod, service("https://x.example"), ADMIN_KEY);
        Api.Response unsupported = resolve(otherMethod, ADMIN_KEY);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().get("detail").asString()).contains("did:key and did:web");
        assertThat(eventCount(otherMethod)).as("a refused request records nothing").isEqualTo(1);
    }

    @Test
    void a_did_web_of_a_registered_issuer_resolves_from_its_document() {
        register("issuers", createRegistry(), webDid, List.of());
        Api.Response resolved = resolve(webDid, ADMIN_KEY);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        JsonNode key = resolved.json().get("publicKeys").get(0);
        assertThat(key.get("x").asString()).isEqualTo(DID_KEY_X);
        assertThat(key.get("kid").asString()).isEqualTo(webDid + "#key-1");
        assertThat(resolved.json().get("resolutionSource").asString())
                .startsWith("http://127.0.0.1:" + server.getAddress().getPort() + "/");

        JsonNode entry = api.get(path(webDid), null).json();
        assertThat(entry.get("roles").get(0).asString()).isEqualTo("issuer");
        assertThat(entry.get("publicKeys").get(0).get("kid").asString()).isEqualTo(webDid + "#key-1");
    }

    @Test
    void a_did_web_server_that_does_not_answer_is_a_504_within_the_timeout_and_is_recorded() {
        putService(webDid, service("https://x.example"), ADMIN_KEY);
        assertThat(resolve(webDid, ADMIN_KEY).status()).isEqualTo(200);
        mode.set("sleep");
        long start = System.nanoTime();
        Api.Response timedOut = resolve(webDid, ADMIN_KEY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(504);
        assertThat(timedOut.contentType()).startsWith("application/problem+json");
        assertThat(timedOut.json().get("detail").asString()).contains("within 1000 ms");

        awaitProjections();
        JsonNode entry = api.get(path(webDid), null).json();
        assertThat(entry.get("resolutionError").asString()).contains("within 1000 ms");
        assertThat(entry.get("resolutionFailedAt").asString()).isNotBlank();
        assertThat(entry.get("publicKeys")).as("the last known keys stay").hasSize(1);
        assertThat(eventCount(webDid)).isEqualTo(3);
    }

    @Test
    void a_did_web_document_over_the_size_limit_is_a_502_and_is_recorded() {
        putService(webDid, service("https://x.example"), ADMIN_KEY);
        mode.set("huge");
        Api.Response tooLarge = resolve(webDid, ADMIN_KEY);
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(502);
        assertThat(tooLarge.json().get("detail").asString()).contains("larger than 262144 bytes");
        awaitProjections();
        JsonNode entry = api.get(path(webDid), null).json();
        assertThat(entry.get("resolutionError").asString()).contains("larger than");
        assertThat(entry.get("publicKeys")).isEmpty();
        assertThat(entry.get("resolvedAt").isNull()).isTrue();
    }

    /**
     * did:web cannot reach inside: a listener on this machine (on every local address, so that 127.x,
     * ::1 and 0.0.0.0 all reach it) and DIDs naming it in every notation. Each is a 400 problem before
     * anything is connected, and nothing is recorded or shown in the directory.
     */
    @Test
    void a_did_web_naming_this_machine_in_any_notation_is_refused_without_connecting_or_recording() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket connection = listener.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = listener.getLocalPort();
            for (String host : List.of("2130706433", "017700000001", "0x7f000001", "0x7f.1", "127.1", "0",
                    "0.0.0.0", "127.000.000.001", "%5B%3A%3A1%5D", "%5B%3A%3Affff%3A127.0.0.1%5D",
                    "%5B%3A%3Affff%3A7f00%3A1%5D", "localhost", "LOCALHOST")) {
                String did = "did:web:" + host + "%3A" + port + ":" + unique("u");
                assertThat(putService(did, service("https://x.example"), ADMIN_KEY).status()).as(did).isEqualTo(200);
                long before = eventCount(did);

                Api.Response refused = resolve(did, ADMIN_KEY);

                assertThat(refused.status()).as(did + " " + refused).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("did");
                assertThat(eventCount(did)).as(did + ": nothing recorded").isEqualTo(before);
                assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND (payload_type LIKE '%DidResolved' OR payload_type LIKE '%DidResolutionFailed')")
                        .param(did).query(Long.class).single()).isZero();
                JsonNode entry = api.get(path(did), null).json();
                assertThat(entry.get("resolutionError").isNull()).as(entry.toString()).isTrue();
                assertThat(entry.get("publicKeys")).isEmpty();
            }
            assertThat(accepted).as("connections to this machine").hasValue(0);
        }
    }

    @Test
    void the_directory_is_filtered_by_method_role_and_service_type() {
        String registry = createRegistry();
        String issuerDid = did("filtered");
        register("issuers", registry, issuerDid, List.of());
        String didKey = DidKeys.randomEd25519();
        String serviceType = unique("Svc");
        putService(issuerDid, Map.of("serviceType", serviceType, "endpoint", "https://f.example"), ADMIN_KEY);
        putService(didKey, Map.of("serviceType", serviceType, "endpoint", "https://f.example"), ADMIN_KEY);

        JsonNode byService = api.get("/v2/dids?serviceType=" + serviceType, null).json();
        assertThat(byService.get("items").findValuesAsString("did")).containsExactlyInAnyOrder(issuerDid, didKey);
        assertThat(api.get("/v2/dids?serviceType=" + serviceType + "&method=key", null).json()
                .get("items").findValuesAsString("did")).containsExactly(didKey);
        assertThat(api.get("/v2/dids?serviceType=" + serviceType + "&role=issuer", null).json()
                .get("items").findValuesAsString("did")).containsExactly(issuerDid);
        api.get("/v2/dids?role=registry&size=500", null).json().get("items").forEach(item ->
                assertThat(item.get("roles").toString()).contains("\"registry\""));
        assertThat(api.get("/v2/dids?role=owner", null).status()).isEqualTo(400);
        assertThat(api.get("/v2/dids?method=Web!", null).status()).isEqualTo(400);
    }
}
