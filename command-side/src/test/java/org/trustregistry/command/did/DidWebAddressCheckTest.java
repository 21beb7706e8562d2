package org.trustregistry.command.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.shared.Did;

/**
 * Where a did:web fetch connects: never inside, and only to the address that was checked. The network
 * is simulated at two seams — the host lookup and the socket factory — so that "did.example" can have a
 * public address while the bytes go to an HTTPS server this test runs on 127.0.0.1, with a certificate
 * for did.example ({@code did-web/tls.p12}, self-signed, valid for 100 years; made with
 * {@code keytool -genkeypair -alias did-web -keyalg EC -groupname secp256r1 -dname CN=did.example
 * -ext SAN=dns:did.example -validity 36500 -storetype PKCS12 -storepass test-only}).
 */
class DidWebAddressCheckTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Every address a socket was asked to connect to. */
    private final List<SocketAddress> dialled = new CopyOnWriteArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicReference<String> serverName = new AtomicReference<>();
    private final AtomicReference<String> hostHeader = new AtomicReference<>();
    private HttpsServer server;
    private SSLContext client;

    private static InetAddress address(String host, int... bytes) throws UnknownHostException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return InetAddress.getByAddress(host, raw);
    }

    @BeforeEach
    void start() throws Exception {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/did-web/tls.p12")) {
            identity.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.setExecutor(threads);
        server.start();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("did-web", identity.getCertificate("did-web"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void serveDocument(String path, String did) {
        server.createContext(path, exchange -> {
            ExtendedSSLSession session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
            session.getRequestedServerNames().stream().filter(SNIHostName.class::isInstance)
                    .map(name -> ((SNIHostName) name).getAsciiName()).findFirst().ifPresent(serverName::set);
            hostHeader.set(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = ("{\"id\":\"" + did + "\",\"verificationMethod\":[{\"id\":\"#k\","
                    + "\"publicKeyMultibase\":\"z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** Sockets that note where they were asked to connect, and connect to the test server instead. */
    private SocketFactory towardsTheTestServer() {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        dialled.add(endpoint);
                        super.connect(target, timeout);
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new AssertionError("a socket was asked to resolve " + host);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) {
                throw new AssertionError("a socket was asked to resolve " + host);
            }

            @Override
            public Socket createSocket(InetAddress address, int port) {
                throw new AssertionError("only unconnected sockets are expected");
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
                throw new AssertionError("only unconnected sockets are expected");
            }
        };
    }

    private DidWebResolver resolver(DidWebResolver.HostLookup lookup) {
        DidWebResolver.HostLookup counted = host -> {
            lookups.incrementAndGet();
            return lookup.addressesOf(host);
        };
        return new DidWebResolver(Duration.ofSeconds(2), DataSize.ofKilobytes(64), List.of(), counted,
                towardsTheTestServer(), client.getSocketFactory());
    }

    @Test
    void the_connection_goes_to_the_address_that_was_checked_and_tls_is_verified_for_the_name() throws Exception {
        InetAddress checked = address("did.example", 93, 184, 215, 14);
        InetAddress rebound = address("did.example", 127, 0, 0, 1);
        // a rebinding DNS: a public address for the check, this machine for any later look-up
        DidWebResolver resolver = resolver(host -> new InetAddress[] {lookups.get() == 1 ? checked : rebound});
        String did = "did:web:did.example:alice";
        serveDocument("/alice/did.json", did);

        Resolution resolution = resolver.resolve(new Did(did));

        assertThat(resolution.publicKeys()).hasSize(1);
        assertThat(resolution.source()).isEqualTo("https://did.example/alice/did.json");
        assertThat(lookups).as("looked up once").hasValue(1);
        assertThat(dialled).containsExactly(new InetSocketAddress(checked, 443));
        assertThat(serverName).as("SNI").hasValue("did.example");
        assertThat(hostHeader).hasValue("did.example");
    }

    @Test
    void a_certificate_for_another_name_is_refused() throws Exception {
        InetAddress publicAddress = address("other.example", 93, 184, 215, 14);
        DidWebResolver resolver = resolver(host -> new InetAddress[] {publicAddress});
        serveDocument("/alice/did.json", "did:web:other.example:alice");
        assertThatThrownBy(() -> resolver.resolve(new Did("did:web:other.example:alice")))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> {
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.getMessage()).contains("Could not fetch https://other.example/alice/did.json")
                            .contains("SSLHandshakeException");
                });
        assertThat(dialled).hasSize(1);
    }

    @Test
    void a_name_is_refused_if_any_of_its_addresses_is_internal_before_anything_is_connected() throws Exception {
        InetAddress publicAddress = address("mixed.example", 93, 184, 215, 14);
        InetAddress internal = address("mixed.example", 10, 0, 0, 5);
        DidWebResolver resolver = resolver(host -> new InetAddress[] {publicAddress, internal});
        assertThatThrownBy(() -> resolver.resolve(new Did("did:web:mixed.example")))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("resolves to 10.0.0.5, an internal address (private)");
        DidWebResolver loopback = resolver(host -> new InetAddress[] {address(host, 127, 0, 0, 1)});
        assertThatThrownBy(() -> loopback.resolve(new Did("did:web:rebinding.example%3A8443")))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("(loopback)");
        DidWebResolver v6 = resolver(host -> new InetAddress[] {InetAddress.getByName("fd00::1")});
        assertThatThrownBy(() -> v6.resolve(new Did("did:web:ula.example")))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("(unique-local)");
        assertThat(dialled).as("nothing connected").isEmpty();
    }

    @Test
    void localhost_is_judged_by_its_addresses_like_any_name() {
        DidWebResolver resolver = resolver(InetAddress::getAllByName);
        assertThatThrownBy(() -> resolver.resolve(new Did("did:web:localhost%3A8080")))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("(loopback)");
        assertThat(dialled).isEmpty();
    }

    @Test
    void an_ip_address_in_any_notation_is_refused_before_any_lookup_or_connection() {
        DidWebResolver resolver = resolver(InetAddress::getAllByName);
        for (String host : List.of("2130706433", "017700000001", "0x7f000001", "0x7f.1", "127.1", "0", "0.0.0.0",
                "10.1", "169.254.169.254", "100.64.0.1", "%5B%3A%3A1%5D", "%5B%3A%3Affff%3A127.0.0.1%5D",
                "%5B%3A%3Affff%3A7f00%3A1%5D", "%5Bfd00%3A%3A1%5D", "%5Bfe80%3A%3A1%5D", "8.8.8.8")) {
            assertThatThrownBy(() -> resolver.resolve(new Did("did:web:" + host + "%3A8443"))).as(host)
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("is the IP address");
        }
        assertThat(lookups).hasValue(0);
        assertThat(dialled).isEmpty();
    }

    @Test
    void a_name_that_does_not_resolve_is_a_recorded_failure_and_a_hanging_lookup_times_out() {
        DidWebResolver unknown = resolver(host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> unknown.resolve(new Did("did:web:nowhere.example")))
                .isInstanceOfSatisfying(DidResolutionException.class,
                        e -> assertThat(e.getMessage()).contains("UnknownHostException"));
        DidWebResolver hanging = resolver(host -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> hanging.resolve(new Did("did:web:slow.example")))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> assertThat(e.timedOut()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(dialled).isEmpty();
    }
}
