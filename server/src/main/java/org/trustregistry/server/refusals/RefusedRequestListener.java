package org.trustregistry.server.refusals;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.trustregistry.events.access.AccessRefused;
import org.trustregistry.events.access.RefusalKind;
import org.trustregistry.server.security.AccessPolicy;
import org.trustregistry.server.security.Caller;
import org.trustregistry.server.web.ClientAddresses;
import org.trustregistry.server.web.Problems;
import org.trustregistry.server.web.RequestIdFilter;

/**
 * Sees every request when it ends — after error pages, with its final status, whoever refused it (a filter,
 * a handler, the command side, Tomcat's error dispatch) — and hands the refusals to {@link RefusalAudit}:
 * every 4xx of a write attempt (a method other than GET, HEAD and OPTIONS on a route that needs a key; the
 * POST queries such as TRQP are reads), and 401/403 of a read that needs a key. CORS preflights are not
 * calls of the API. Runs on the request's thread before the answer is complete, so it only counts and
 * queues.
 */
@Component
class RefusedRequestListener implements ServletRequestListener {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequestListener.class);
    private static final int MAX_TEXT = 1024;
    private static final int MAX_REASON = 2000;
    /** What the first segment of a route under /v2 names, as the events name the aggregate types. */
    private static final Map<String, String> RESOURCE_TYPES = Map.of(
            "trust-frameworks", "TrustFramework", "registries", "TrustRegistry", "schemas", "CredentialSchema",
            "issuers", "Issuer", "verifiers", "Verifier", "dids", "DidEntry", "api-keys", "ApiKey",
            "admin", "Projection");

    private final RefusalAudit audit;
    private final Routes routes;
    private final ClientAddresses clientAddresses;
    private final Clock clock;

    RefusedRequestListener(RefusalAudit audit, Routes routes, ClientAddresses clientAddresses, Clock clock) {
        this.audit = audit;
        this.routes = routes;
        this.clientAddresses = clientAddresses;
        this.clock = clock;
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)
                || !(request.getAttribute(ResponseCaptureFilter.ATTRIBUTE) instanceof HttpServletResponse response)) {
            return;
        }
        try {
            record(request, response);
        } catch (RuntimeException e) {
            // the answer must not fail because of its audit
            log.error("Could not record a refused request", e);
        } finally {
            audit.ended();
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || CorsUtils.isPreFlightRequest(request)) {
            return;
        }
        String method = request.getMethod();
        String path = request.getRequestURI();
        AccessPolicy.Requirement requirement = AccessPolicy.requirementFor(method, path)
                .and(AccessPolicy.requirementFor(method, decodedPath(request)));
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || !requirement.authenticated(); // a POST that needs no key is a query (TRQP, /v2/query, …)
        RefusalKind kind = RefusalKind.forStatus(status);
        // a key presented and refused is audited on any route: a leaked or revoked key tried on a public read too
        boolean refusedKey = Boolean.TRUE.equals(request.getAttribute(Caller.INVALID_KEY_ATTRIBUTE));
        if (read && !(kind == RefusalKind.DENIED && (requirement.authenticated() || refusedKey))) {
            return;
        }
        Caller caller = request.getAttribute(Caller.ATTRIBUTE) instanceof Caller c ? c : null;
        String clientAddress = clientAddresses.of(request);
        String actorId = caller != null ? caller.keyId().toString()
                : request.getAttribute(Caller.REFUSED_KEY_ATTRIBUTE) instanceof java.util.UUID id
                ? id.toString() : null;
        audit.refused(new RefusalBudget.Source(clientAddress, actorId), kind, status,
                () -> refusal(request, response, status, kind, method, path, caller, actorId, clientAddress));
    }

    private AccessRefused refusal(HttpServletRequest request, HttpServletResponse response, int status,
                                  RefusalKind kind, String method, String path, Caller caller, String actorId,
                                  String clientAddress) {
        String target = bounded(path, MAX_TEXT);
        Routes.Route route = routes.match(method, path).orElse(null);
        String operation = bounded(method, 32) + " " + (route == null ? target : route.template());
        String resourceType = route == null ? null : resourceType(route.template());
        String resourceId = route == null || route.firstVariable() == null ? null
                : bounded(route.firstVariable(), MAX_TEXT);
        ProblemDetail problem = request.getAttribute(Problems.ATTRIBUTE) instanceof ProblemDetail p ? p : null;
        String reason = problem != null && problem.getDetail() != null ? problem.getDetail()
                : Problems.forStatus(status).getDetail();
        Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        return new AccessRefused(kind, status, operation, target, resourceType, resourceId,
                bounded(reason, MAX_REASON), bounded(clientAddress, MAX_TEXT),
                actorId,
                caller == null ? null : caller.role().value(),
                requestId != null ? requestId.toString() : response.getHeader(RequestIdFilter.HEADER),
                clock.instant());
    }

    private static String resourceType(String template) {
        if (!template.startsWith("/v2/")) {
            return null;
        }
        int end = template.indexOf('/', 4);
        return RESOURCE_TYPES.get(end < 0 ? template.substring(4) : template.substring(4, end));
    }

    private static String decodedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /**
     * Text from the request, made storable: what a refused request carries is hostile by assumption, and a NUL,
     * a control character or a lone surrogate would stop the audit-log projection (jsonb refuses them). Each
     * becomes U+FFFD; the text is cut at {@code length} characters, never inside a surrogate pair.
     */
    static String bounded(String text, int length) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), length));
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean control = codePoint < 0x20 || codePoint == 0x7f;
            boolean loneSurrogate = width == 1 && Character.isSurrogate((char) codePoint);
            if (safe.length() + width > length - 1 && i + width < text.length()) {
                safe.append('…');
                break;
            }
            if (control || loneSurrogate) {
                safe.append('\uFFFD');
            } else {
                safe.appendCodePoint(codePoint);
            }
            i += width;
        }
        return safe.toString();
    }
}
