package org.trustregistry.query.events;

/**
 * Where the global event stream is final. Global indexes are handed out when a transaction inserts its
 * events, not when it commits, so a transaction that started earlier can still commit events below
 * those already visible. A reader that paged past that point would never see them. Below the stable
 * head no commit can still appear: every event there is visible now, or never will be (rolled back).
 */
public interface StreamHorizon {

    /** The highest global index at or below which the stream can no longer change (-1: nothing yet). */
    long stableHead();

    /**
     * The stable head and the last index handed out, read together: when the first is below the second, an
     * append is still in flight (it will commit or roll back soon), so a reader waiting for it looks again soon.
     */
    record View(long stable, long handedOut) {
    }

    default View view() {
        long stable = stableHead();
        return new View(stable, stable);
    }
}
