package org.trustregistry.server.idempotency;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys once they are older than {@code trust-registry.idempotency.retention}; a key
 * forgotten is new again. The retention cannot be set below 24 hours, the time the API promises to keep
 * a key. Every node runs this; deleting twice is harmless.
 */
@Component
public class IdempotencyCleanup {

    static final Duration MINIMUM_RETENTION = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyRecords records;
    private final Clock clock;
    private final Duration retention;

    IdempotencyCleanup(IdempotencyRecords records, Clock clock,
                       @Value("${trust-registry.idempotency.retention:PT48H}") Duration retention) {
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalStateException("trust-registry.idempotency.retention is " + retention
                    + "; Idempotency-Keys are kept at least " + MINIMUM_RETENTION);
        }
        this.records = records;
        this.clock = clock;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** Deletes the records older than the retention; returns how many. */
    @Scheduled(fixedDelayString = "${trust-registry.idempotency.cleanup-interval:PT1H}",
               initialDelayString = "${trust-registry.idempotency.cleanup-interval:PT1H}")
    public int removeExpired() {
        int removed = records.removeCreatedBefore(clock.instant().minus(retention));
        if (removed > 0) {
            log.info("Forgot {} Idempotency-Keys older than {}", removed, retention);
        }
        return removed;
    }
}
