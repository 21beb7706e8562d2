package org.trustregistry.server.ratelimit;

import java.time.Duration;

/**
 * The token buckets: {@code perAddress} for calls without an API key (by client address), {@code perKey} for
 * calls an API key authenticated (by key), {@code failedKeys} for calls whose key was refused (by client
 * address; once it is empty, that address's calls with a key are refused before the key is looked up). At
 * most {@code trackedBuckets} buckets of each kind are kept; an evicted or idle bucket starts full again.
 */
public record RateLimitSettings(Limit perAddress, Limit perKey, Limit failedKeys, long trackedBuckets) {

    /** A bucket of {@code burst} tokens, refilled with {@code rate} tokens every {@code period}. */
    public record Limit(long burst, long rate, Duration period) {

        public Limit {
            if (burst < 1 || rate < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("trust-registry.rate-limit.*: burst and rate must be at least 1 "
                        + "and the period positive");
            }
        }

        /** How long an empty bucket takes to be full again. */
        Duration refillTime() {
            return period.multipliedBy(burst).dividedBy(rate);
        }
    }

    public RateLimitSettings {
        if (trackedBuckets < 1) {
            throw new IllegalArgumentException("trust-registry.rate-limit.tracked-buckets must be at least 1");
        }
    }
}
