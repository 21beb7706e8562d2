package org.trustregistry.server.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.trustregistry.server.security.Caller;

/**
 * Idempotency-Key on the write API (every command-side handler): a key already recorded for this caller
 * answers with the recorded answer, without running the command again, if the request is the same
 * (RequestFingerprint), and with 422 if it is another. A new key goes with the request to its command,
 * which records it (IdempotencyRecorder). Keys are the caller's own: another API key's records are never
 * seen. Runs as a Spring MVC interceptor, so that its failures (a malformed key, a database that cannot
 * be reached) are answered by the exception handlers like any other.
 */
@Component
class IdempotentRequests implements HandlerInterceptor {

    /** Says that an answer is the recorded answer to an earlier request with the same key. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String COMMAND_SIDE = "org.trustregistry.command.";

    private final IdempotencyRecords records;

    IdempotentRequests(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(COMMAND_SIDE)) {
            return true; // not a command: see decisions.md for the writes that are not (projection rebuilds)
        }
        List<String> header = Collections.list(request.getHeaders(IdempotencyKey.HEADER));
        if (header.isEmpty() || !(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            return true;
        }
        IdempotencyKey key = IdempotencyKey.parse(header);
        byte[] body = request.getAttribute(IdempotentRequestBodyFilter.BODY) instanceof byte[] read ? read : null;
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        IdempotentRequest idempotent = new IdempotentRequest(caller.keyId(), key.value(),
                RequestFingerprint.of(request.getMethod(), request.getRequestURI(), request.getQueryString(), body),
                request.getMethod(), target);
        Optional<IdempotencyRecords.Entry> first = records.find(caller.keyId(), key.value());
        if (first.isPresent()) {
            replay(idempotent, first.get(), response);
            return false;
        }
        request.setAttribute(IdempotentRequest.ATTRIBUTE, idempotent);
        return true;
    }

    /** The recorded answer if the request is the one it answered; else 422 (IdempotencyKeyReusedException). */
    static void replay(IdempotentRequest request, IdempotencyRecords.Entry first, HttpServletResponse response)
            throws IOException {
        if (!first.fingerprint().equals(request.fingerprint())) {
            throw new IdempotencyKeyReusedException(first.method() + " " + first.target());
        }
        if (first.answer() == null) {
            throw new IllegalStateException("A committed idempotency record has no answer");
        }
        first.answer().writeTo(response);
    }
}
