package org.trustregistry.query.common;

import java.time.Duration;

/**
 * A read that decides trust cannot be answered right now: a projection it depends on is failing,
 * stopped, being rebuilt, or behind the event store by more than the bound (HTTP 503 + Retry-After).
 */
public class ProjectionUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ProjectionUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
