package org.trustregistry.server.web;

import org.springframework.core.Ordered;

/**
 * The order of the servlet filters, in one place. First what every answer needs (request id, hardening
 * headers), then CORS (a preflight is answered before anything asks for a key, and every later answer,
 * refusals included, carries the CORS headers a browser needs to read it), then the cheap refusals that
 * need no database (per-address rate limit, malformed requests, database outage, body size), then the API
 * key, then the per-key rate limit; the idempotency body copy comes last.
 */
public final class FilterOrder {

    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE;
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 1;
    public static final int ADDRESS_RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 2;
    public static final int SCREEN = Ordered.HIGHEST_PRECEDENCE + 3;
    public static final int API_KEY = Ordered.HIGHEST_PRECEDENCE + 4;
    public static final int KEY_RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 5;
    public static final int IDEMPOTENT_BODY = Ordered.HIGHEST_PRECEDENCE + 10;

    private FilterOrder() {
    }
}
