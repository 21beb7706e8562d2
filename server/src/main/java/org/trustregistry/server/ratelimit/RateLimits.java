package org.trustregistry.server.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rate limits' token buckets (Bucket4j), kept in bounded caches (Caffeine): evicted when there are more
 * than {@code trackedBuckets} of a kind, or when idle for longer than an empty bucket takes to refill (it
 * would be full again anyway). Per node: behind a load balancer each node counts on its own. Answers carry
 * the IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy} names the bucket,
 * its size {@code q} and the seconds {@code w} in which an empty one refills; {@code RateLimit} the tokens
 * left {@code r} and the seconds {@code t} until the bucket is full again.
 */
@Component
public class RateLimits {

    /** One kind of bucket: its policy name, its limit and its buckets. */
    final class Kind {
        private final String name;
        private final RateLimitSettings.Limit limit;
        private final Cache<Object, Bucket> buckets;
        private final String policy;

        Kind(String name, RateLimitSettings.Limit limit, long tracked) {
            this.name = name;
            this.limit = limit;
            Duration idle = limit.refillTime().compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1)
                    : limit.refillTime();
            this.buckets = Caffeine.newBuilder().maximumSize(tracked).expireAfterAccess(idle).build();
            this.policy = "\"" + name + "\";q=" + limit.burst() + ";w=" + seconds(limit.refillTime().toNanos());
        }

        private Bucket bucket(Object partition) {
            return buckets.get(partition, p -> Bucket.builder().addLimit(Bandwidth.builder()
                    .capacity(limit.burst()).refillGreedy(limit.rate(), limit.period()).build()).build());
        }

        /** Takes a token for this request; false (and the 429's headers set) when there is none. */
        boolean take(Object partition, HttpServletResponse response) {
            ConsumptionProbe probe = bucket(partition).tryConsumeAndReturnRemaining(1);
            describe(response, probe.getRemainingTokens(), probe.isConsumed() ? fullIn(probe.getRemainingTokens())
                    : probe.getNanosToWaitForRefill());
            if (!probe.isConsumed()) {
                retryAfter(response, probe.getNanosToWaitForRefill());
            }
            return probe.isConsumed();
        }

        /** Whether a token is left, without taking it (the 429's headers set when there is none). */
        boolean hasToken(Object partition, HttpServletResponse response) {
            Bucket bucket = bucket(partition);
            if (bucket.getAvailableTokens() > 0) {
                return true;
            }
            long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            describe(response, 0, wait);
            retryAfter(response, wait);
            return false;
        }

        /** Takes a token after the fact (a refused key), if one is left. */
        void spend(Object partition) {
            bucket(partition).tryConsume(1);
        }

        private long fullIn(long remaining) {
            long missing = limit.burst() - remaining;
            return missing <= 0 ? 0 : limit.period().toNanos() / limit.rate() * missing;
        }

        private static void retryAfter(HttpServletResponse response, long nanos) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, seconds(nanos))));
        }

        private void describe(HttpServletResponse response, long remaining, long nanosUntil) {
            response.setHeader("RateLimit-Policy", policy);
            response.setHeader("RateLimit", "\"" + name + "\";r=" + remaining + ";t=" + seconds(nanosUntil));
        }

        String name() {
            return name;
        }
    }

    private final RateLimitSettings configured;
    private volatile RateLimitSettings settings;
    private volatile Kind perAddress;
    private volatile Kind perKey;
    private volatile Kind failedKeys;

    RateLimits(@Value("${trust-registry.rate-limit.per-address.burst:60000}") long addressBurst,
               @Value("${trust-registry.rate-limit.per-address.rate:30000}") long addressRate,
               @Value("${trust-registry.rate-limit.per-key.burst:60000}") long keyBurst,
               @Value("${trust-registry.rate-limit.per-key.rate:30000}") long keyRate,
               @Value("${trust-registry.rate-limit.failed-keys.burst:1000}") long failedBurst,
               @Value("${trust-registry.rate-limit.failed-keys.rate:100}") long failedRate,
               @Value("${trust-registry.rate-limit.tracked-buckets:100000}") long tracked) {
        Duration second = Duration.ofSeconds(1);
        this.configured = new RateLimitSettings(new RateLimitSettings.Limit(addressBurst, addressRate, second),
                new RateLimitSettings.Limit(keyBurst, keyRate, second),
                new RateLimitSettings.Limit(failedBurst, failedRate, second), tracked);
        configure(configured);
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** New limits while running (tests, operators): every bucket starts afresh. */
    public void configure(RateLimitSettings replacement) {
        perAddress = new Kind("per-address", replacement.perAddress(), replacement.trackedBuckets());
        perKey = new Kind("per-key", replacement.perKey(), replacement.trackedBuckets());
        failedKeys = new Kind("failed-keys", replacement.failedKeys(), replacement.trackedBuckets());
        settings = replacement;
    }

    /** The configured limits again, every bucket full. */
    public void reset() {
        configure(configured);
    }

    Kind perAddress() {
        return perAddress;
    }

    Kind perKey() {
        return perKey;
    }

    Kind failedKeys() {
        return failedKeys;
    }

    /** Whole seconds, rounded up: a client that waits this long finds a token. */
    static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
