package org.trustregistry.command.did;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * looking the host up, connecting, waiting and reading ({@code trust-registry.did.web.timeout}) and up to
 * a size limit ({@code trust-registry.did.web.max-document-size}); redirects are not followed. The keys
 * are read from {@code verificationMethod[*]}: {@code publicKeyJwk} (its public members only) or
 * {@code publicKeyMultibase}.
 * <p>
 * The registry never fetches from inside: a host written as an IP address in any notation
 * ({@link IpLiteral}) is refused, and a name is looked up once and refused if <em>any</em> of its
 * addresses is internal ({@link InternalAddresses}) — a name that mixes public and internal addresses is
 * misconfigured or an attack, and picking its public ones would hide either. The connection then goes
 * to the checked address itself ({@link DocumentFetch}), so a second, different DNS answer (rebinding)
 * is never asked for. These refusals are 400s: nothing was connected, nothing is recorded. Only the
 * hosts in {@code trust-registry.did.web.insecure-hosts} (tests) are fetched over plain http and may be
 * IP addresses or internal.
 */
@Component
class DidWebResolver {

    /** Looks a host name up: every address it has. The seam for tests; the JDK's resolver otherwise. */
    interface HostLookup {
        InetAddress[] addressesOf(String host) throws UnknownHostException;
    }

    /** Members of a public JWK we keep; anything else (a private "d" above all) is dropped. */
    private static final Set<String> PUBLIC_JWK_MEMBERS = Set.of("kty", "crv", "x", "y", "n", "e", "alg", "use");
    private static final int MAX_KEYS = 100;
    private static final int MAX_HOST_LENGTH = 253;
    private static final Pattern HOST = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62})(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}))*");
    private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");
    private static final ExecutorService LOOKUPS = lookups();

    private final Duration timeout;
    private final Set<String> insecureHosts;
    private final HostLookup lookup;
    private final DocumentFetch fetch;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    DidWebResolver(@Value("${trust-registry.did.web.timeout:PT3S}") Duration timeout,
                   @Value("${trust-registry.did.web.max-document-size:256KB}") DataSize maxDocumentSize,
                   @Value("${trust-registry.did.web.insecure-hosts:}") List<String> insecureHosts) {
        this(timeout, maxDocumentSize, insecureHosts, InetAddress::getAllByName, SocketFactory.getDefault(),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    DidWebResolver(Duration timeout, DataSize maxDocumentSize, List<String> insecureHosts, HostLookup lookup,
                   SocketFactory sockets, SSLSocketFactory tls) {
        this.timeout = timeout;
        this.insecureHosts = insecureHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.lookup = lookup;
        this.fetch = new DocumentFetch(sockets, tls, maxDocumentSize.toBytes());
    }

    /** Where the DID document of a did:web DID is; a 400 if the DID cannot name one. */
    URI documentUrl(Did did) {
        return locate(did).url();
    }

    /** The location as written in the DID; refuses what is no domain name (IP literals above all). */
    DidWebLocation locate(Did did) {
        String[] segments = did.value().substring("did:web:".length()).split(":", -1);
        String authority = percentDecoded(segments[0]).toLowerCase(Locale.ROOT);
        String host = authority;
        String port = null;
        int colon = authority.startsWith("[") ? authority.indexOf(':', Math.max(0, authority.indexOf(']')))
                : authority.indexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        boolean insecure = insecureHosts.contains(host);
        if (!insecure) {
            Optional<InetAddress> address = IpLiteral.parse(host);
            if (address.isPresent()) {
                throw invalid("its host " + host + " is the IP address " + address.get().getHostAddress()
                        + InternalAddresses.rangeOf(address.get()).map(range -> " (" + range + ")").orElse("")
                        + "; a did:web DID names a domain");
            }
            if (host.length() > MAX_HOST_LENGTH || !HOST.matcher(host).matches()) {
                throw invalid("its domain name is not a host name");
            }
            if (IpLiteral.hasNumericTopLabel(host)) {
                throw invalid("its host " + host + " is neither a domain name nor an IP address");
            }
        } else if (!HOST.matcher(host).matches() && IpLiteral.parse(host).isEmpty()) {
            throw invalid("its domain name is not a host name");
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
        int defaultPort = insecure ? 80 : 443;
        return new DidWebLocation(!insecure, host, port == null ? defaultPort : parsePort(port), port != null,
                path.toString());
    }

    Resolution resolve(Did did) throws DidResolutionException {
        DidWebLocation location = locate(did);
        String source = location.url().toString();
        Deadline deadline = Deadline.after(timeout);
        List<InetAddress> addresses = addressesOf(location, source, deadline);
        byte[] body = fetch.get(location, addresses, deadline);
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

    /**
     * Every address of the host, looked up once within the deadline; refused (400, nothing recorded) if
     * any of them is internal. Insecure test hosts are looked up but not judged.
     */
    private List<InetAddress> addressesOf(DidWebLocation location, String source, Deadline deadline)
            throws DidResolutionException {
        Future<InetAddress[]> answer;
        try {
            answer = LOOKUPS.submit(() -> lookup.addressesOf(location.host()));
        } catch (RejectedExecutionException e) {
            throw new DidResolutionException("Could not look up " + location.host()
                    + ": too many look-ups in progress", source, false);
        }
        InetAddress[] addresses;
        try {
            addresses = answer.get(Math.max(0, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw deadline.timedOut(source);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new DidResolutionException("Interrupted while fetching " + source, source, false);
        } catch (ExecutionException e) {
            throw new DidResolutionException("Could not fetch " + source + ": " + describe(e.getCause()), source,
                    false);
        }
        if (addresses == null || addresses.length == 0) {
            throw new DidResolutionException("Could not fetch " + source + ": " + location.host()
                    + " has no address", source, false);
        }
        if (insecureHosts.contains(location.host())) {
            return List.of(addresses);
        }
        for (InetAddress address : addresses) {
            Optional<String> range = InternalAddresses.rangeOf(address);
            if (range.isPresent()) {
                throw invalid("its host " + location.host() + " resolves to " + address.getHostAddress()
                        + ", an internal address (" + range.get() + "); did:web documents are fetched from public"
                        + " addresses only");
            }
        }
        return List.of(addresses);
    }

    private static String describe(Throwable cause) {
        String name = cause == null ? "unknown error" : cause.getClass().getSimpleName();
        String message = cause == null ? null : cause.getMessage();
        return message == null ? name : name + " (" + abbreviate(message) + ")";
    }

    /** %XX decoded (the port's %3A, an IPv6 literal's %5B…%5D); only ASCII can be a host. */
    private static String percentDecoded(String text) {
        Matcher escape = PERCENT.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (escape.find()) {
            char c = (char) Integer.parseInt(escape.group(1), 16);
            if (c >= 0x80 || c < 0x20) {
                throw invalid("its domain name is not a host name");
            }
            escape.appendReplacement(decoded, Matcher.quoteReplacement(String.valueOf(c)));
        }
        escape.appendTail(decoded);
        return decoded.toString();
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

    private static ExecutorService lookups() {
        // bounded: a hanging resolver cannot pile up threads; the caller waits only until its deadline
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 16, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "did-web-lookup");
                    thread.setDaemon(true);
                    return thread;
                });
        return executor;
    }
}
