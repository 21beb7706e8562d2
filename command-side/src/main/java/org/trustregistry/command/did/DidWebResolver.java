package org.trustregistry.command.did;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.shared.Did;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * did:web: the DID document is fetched over HTTPS ({@code did:web:example.com} →
 * {@code https://example.com/.well-known/did.json}, {@code did:web:example.com:user:alice} →
 * {@code https://example.com/user/alice/did.json}, {@code %3A} before a port), within one deadline for
 * connecting, waiting and reading ({@code trust-registry.did.web.timeout}) and up to a size limit
 * ({@code trust-registry.did.web.max-document-size}); redirects are not followed. The keys are read
 * from {@code verificationMethod[*]}: {@code publicKeyJwk} (its public members only) or
 * {@code publicKeyMultibase}. Plain http is used only for the hosts in
 * {@code trust-registry.did.web.insecure-hosts} (tests), which are also the only IP addresses (and
 * localhost) allowed.
 */
@Component
class DidWebResolver {

    /** Members of a public JWK we keep; anything else (a private "d" above all) is dropped. */
    private static final Set<String> PUBLIC_JWK_MEMBERS = Set.of("kty", "crv", "x", "y", "n", "e", "alg", "use");
    private static final int MAX_KEYS = 100;
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,62})(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}))*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]+(?:\\.[0-9]+){3}");

    private final HttpClient client;
    private final Duration timeout;
    private final long maxDocumentSize;
    private final Set<String> insecureHosts;
    private final JsonMapper json = JsonMapper.builder().build();

    DidWebResolver(@Value("${trust-registry.did.web.timeout:PT3S}") Duration timeout,
                   @Value("${trust-registry.did.web.max-document-size:256KB}") DataSize maxDocumentSize,
                   @Value("${trust-registry.did.web.insecure-hosts:}") List<String> insecureHosts) {
        this.timeout = timeout;
        this.maxDocumentSize = maxDocumentSize.toBytes();
        this.insecureHosts = insecureHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Where the DID document of a did:web DID is; a 400 if the DID cannot name one. */
    URI documentUrl(Did did) {
        String[] segments = did.value().substring("did:web:".length()).split(":", -1);
        String authority = segments[0].replace("%3A", ":").replace("%3a", ":");
        String host = authority;
        int port = -1;
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            port = parsePort(authority.substring(colon + 1));
        }
        host = host.toLowerCase(Locale.ROOT);
        boolean insecure = insecureHosts.contains(host);
        if (!HOST.matcher(host).matches()) {
            throw invalid("its domain name is not a host name");
        }
        if (!insecure && (IPV4.matcher(host).matches() || host.equals("localhost") || host.endsWith(".localhost"))) {
            throw invalid("it names an IP address or this machine, not a domain");
        }
        StringBuilder path = new StringBuilder();
        if (segments.length == 1) {
            path.append("/.well-known");
        }
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].isEmpty() || segments[i].equals(".") || segments[i].equals("..")
                    || segments[i].matches("(?i).*%(2f|5c|2e).*")) {
                throw invalid("a path segment is empty or not a plain name");
            }
            path.append('/').append(segments[i]);
        }
        path.append("/did.json");
        return URI.create((insecure ? "http" : "https") + "://" + host + (port < 0 ? "" : ":" + port) + path);
    }

    Resolution resolve(Did did) throws DidResolutionException {
        URI url = documentUrl(did);
        String source = url.toString();
        byte[] body = fetch(url, source);
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JacksonException e) {
            throw new DidResolutionException("The DID document at " + source + " is not JSON", source, false);
        }
        if (document == null || !document.isObject()) {
            throw new DidResolutionException("The DID document at " + source + " is not a JSON object", source,
                    false);
        }
        if (!did.value().equals(document.path("id").asString(null))) {
            throw new DidResolutionException("The document at " + source + " is not the DID document of "
                    + did + " (its id is " + abbreviate(document.path("id").asString("missing")) + ")", source, false);
        }
        List<Map<String, Object>> keys = new ArrayList<>();
        for (JsonNode method : document.path("verificationMethod")) {
            if (keys.size() == MAX_KEYS) {
                break;
            }
            Map<String, Object> key = publicKey(did, method);
            if (key != null) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            throw new DidResolutionException("The DID document at " + source
                    + " has no verificationMethod with a usable publicKeyJwk or publicKeyMultibase", source, false);
        }
        return new Resolution(List.copyOf(keys), source);
    }

    /** A verification method's public key as a JWK with its id as kid; null if it has none we can use. */
    private Map<String, Object> publicKey(Did did, JsonNode method) {
        if (!method.isObject()) {
            return null;
        }
        String id = method.path("id").asString(null);
        String kid = id == null ? null : id.startsWith("#") ? did.value() + id : id;
        JsonNode jwk = method.get("publicKeyJwk");
        if (jwk != null && jwk.isObject() && jwk.path("kty").isString()) {
            Map<String, Object> key = new java.util.LinkedHashMap<>();
            jwk.properties().forEach(member -> {
                if (PUBLIC_JWK_MEMBERS.contains(member.getKey()) && member.getValue().isString()) {
                    key.put(member.getKey(), member.getValue().asString());
                }
            });
            if (kid != null) {
                key.put("kid", kid);
            }
            return key;
        }
        JsonNode multibase = method.get("publicKeyMultibase");
        if (multibase != null && multibase.isString()) {
            try {
                return Multikey.toJwk(multibase.asString(), kid);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** The document's bytes, within the deadline and the size limit. */
    private byte[] fetch(URI url, String source) throws DidResolutionException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/did+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, info -> new LimitedBody(maxDocumentSize));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(source);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new DidResolutionException("Interrupted while fetching " + source, source, false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(source);
            }
            if (cause instanceof DocumentTooLarge) {
                throw new DidResolutionException("The DID document at " + source + " is larger than "
                        + maxDocumentSize + " bytes", source, false);
            }
            throw new DidResolutionException("Could not fetch " + source + ": " + describe(cause), source, false);
        }
        if (response.statusCode() != 200) {
            throw new DidResolutionException("Fetching " + source + " answered HTTP " + response.statusCode(),
                    source, false);
        }
        return response.body();
    }

    private DidResolutionException timedOut(String source) {
        return new DidResolutionException("No DID document from " + source + " within " + timeout.toMillis()
                + " ms", source, true);
    }

    private static String describe(Throwable cause) {
        String name = cause == null ? "unknown error" : cause.getClass().getSimpleName();
        String message = cause == null ? null : cause.getMessage();
        return message == null ? name : name + " (" + abbreviate(message) + ")";
    }

    private static int parsePort(String text) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw invalid("its port is not a number from 1 to 65535");
        }
        return Integer.parseInt(text);
    }

    private static InvalidCommandException invalid(String why) {
        return new InvalidCommandException("did", "not a did:web this registry can resolve: " + why);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static final class DocumentTooLarge extends RuntimeException {
        DocumentTooLarge() {
            super("document too large", null, false, false);
        }
    }

    /** Collects the body and gives up (cancelling the exchange) as soon as it grows past the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new DocumentTooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
