package org.trustregistry.server.refusals;

import java.time.Duration;

/**
 * How refusals are recorded: in each {@code window}, the first {@code storedPerSource} refusals of a client
 * address (and API key) are stored one by one, at most {@code storedPerWindow} of all sources together; the
 * rest are counted and stored as one summary per source when the window closes. At most
 * {@code trackedSources} sources are counted apart; the refusals of any further one go into one summary for
 * "other addresses". At most {@code queueCapacity} events wait to be written.
 */
public record RefusalAuditSettings(Duration window, int storedPerSource, int storedPerWindow, int trackedSources,
                                   int queueCapacity) {

    public RefusalAuditSettings {
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("trust-registry.audit.refusals.window must be at least 1 s");
        }
        if (storedPerSource < 0 || storedPerWindow < 0 || trackedSources < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("trust-registry.audit.refusals.*: counts must not be negative "
                    + "and the queue must hold at least one event");
        }
    }
}
