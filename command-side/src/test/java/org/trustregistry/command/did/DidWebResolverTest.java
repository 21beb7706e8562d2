package org.trustregistry.command.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.shared.Did;

/** did:web against a server on 127.0.0.1 that the test runs itself: never the internet. */
class DidWebResolverTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;
    private String did;
    private DidWebResolver resolver;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.start();
        did = "did:web:127.0.0.1%3A" + server.getAddress().getPort();
        resolver = new DidWebResolver(Duration.ofMillis(500), DataSize.ofKilobytes(4), List.of("127.0.0.1"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void serve(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @Test
    void did_web_names_its_document_url() {
        DidWebResolver production = new DidWebResolver(Duration.ofSeconds(3), DataSize.ofKilobytes(256), List.of());
        assertThat(production.documentUrl(new Did("did:web:example.com")))
                .hasToString("https://example.com/.well-known/did.json");
        assertThat(production.documentUrl(new Did("did:web:example.com:user:alice")))
                .hasToString("https://example.com/user/alice/did.json");
        assertThat(production.documentUrl(new Did("did:web:example.com%3A8443:user:alice")))
                .hasToString("https://example.com:8443/user/alice/did.json");
        assertThat(resolver.documentUrl(new Did("did:web:127.0.0.1%3A8080")))
                .as("plain http for an insecure host only").hasToString("http://127.0.0.1:8080/.well-known/did.json");
        assertThat(production.documentUrl(new Did("did:web:EXAMPLE.com%3a8443")))
                .hasToString("https://example.com:8443/.well-known/did.json");
        for (String refused : List.of("did:web:127.0.0.1", "did:web:example.com%3A99999", "did:web:ex%2Fample.com",
                "did:web:example.com:..:secret", "did:web:example.com:a%2Fb", "did:web:-bad-.example%40x",
                "did:web:1.2.3.4.5", "did:web:256.0.0.1", "did:web:example.com%00", "did:web:%C3%A9.example",
                "did:web:%5B%3A%3A1%5D", "did:web:%5Bexample.com%5D", "did:web:%3A8443")) {
            assertThatThrownBy(() -> production.documentUrl(new Did(refused))).as(refused)
                    .isInstanceOf(InvalidCommandException.class);
        }
    }

    @Test
    void keys_come_from_publicKeyJwk_and_publicKeyMultibase_and_never_a_private_member() throws Exception {
        serve("/.well-known/did.json", 200, """
                {"id":"%s","verificationMethod":[
                  {"id":"#jwk","type":"JsonWebKey2020","controller":"%s",
                   "publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik","d":"SECRET"}},
                  {"id":"%s#mb","type":"Multikey","publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"},
                  {"id":"#useless","type":"Other"}]}""".formatted(did, did, did));
        Resolution resolution = resolver.resolve(new Did(did));
        assertThat(resolution.source()).isEqualTo("http://127.0.0.1:" + server.getAddress().getPort()
                + "/.well-known/did.json");
        assertThat(resolution.publicKeys()).containsExactly(
                Map.of("kty", "OKP", "crv", "Ed25519", "x", "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik",
                        "kid", did + "#jwk"),
                Map.of("kty", "OKP", "crv", "Ed25519", "x", "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik",
                        "kid", did + "#mb"));
    }

    @Test
    void a_path_did_reads_its_document_under_the_path() throws Exception {
        String pathDid = did + ":users:alice";
        serve("/users/alice/did.json", 200, """
                {"id":"%s","verificationMethod":[{"id":"#k","publicKeyMultibase":"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}]}"""
                .formatted(pathDid));
        assertThat(resolver.resolve(new Did(pathDid)).publicKeys()).hasSize(1);
    }

    @Test
    void failures_say_what_went_wrong() {
        serve("/.well-known/did.json", 200, "{\"id\":\"did:web:someone.else\",\"verificationMethod\":[]}");
        assertThatThrownBy(() -> resolver.resolve(new Did(did))).isInstanceOf(DidResolutionException.class)
                .hasMessageContaining("not the DID document of");
        assertThatThrownBy(() -> resolver.resolve(new Did(did + ":missing"))).isInstanceOf(DidResolutionException.class)
                .hasMessageContaining("HTTP 404");
        serve("/nokeys/did.json", 200, "{\"id\":\"" + did + ":nokeys\",\"verificationMethod\":[]}");
        assertThatThrownBy(() -> resolver.resolve(new Did(did + ":nokeys")))
                .isInstanceOf(DidResolutionException.class).hasMessageContaining("no verificationMethod");
        serve("/garbage/did.json", 200, "<html>");
        assertThatThrownBy(() -> resolver.resolve(new Did(did + ":garbage")))
                .isInstanceOf(DidResolutionException.class).hasMessageContaining("not JSON");
    }

    @Test
    void a_server_that_does_not_answer_times_out_within_the_deadline() {
        server.createContext("/.well-known/did.json", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> resolver.resolve(new Did(did)))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> assertThat(e.timedOut()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_document_larger_than_the_limit_is_refused_whether_or_not_its_length_is_announced() {
        String huge = "{\"id\":\"" + did + "\",\"padding\":\"" + "x".repeat(100_000) + "\"}";
        serve("/.well-known/did.json", 200, huge);
        assertThatThrownBy(() -> resolver.resolve(new Did(did))).isInstanceOf(DidResolutionException.class)
                .hasMessageContaining("larger than");
        server.createContext("/chunked/did.json", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("x".repeat(1024).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the resolver hung up: expected
            }
        });
        assertThatThrownBy(() -> resolver.resolve(new Did(did + ":chunked")))
                .isInstanceOf(DidResolutionException.class).hasMessageContaining("larger than");
    }

    @Test
    void nothing_listening_is_a_failure_not_a_hang() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> resolver.resolve(new Did("did:web:127.0.0.1%3A" + port)))
                .isInstanceOfSatisfying(DidResolutionException.class,
                        e -> assertThat(e.getMessage()).contains("Could not fetch"));
    }
}
