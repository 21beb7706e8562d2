package org.trustregistry.server.refusals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustregistry.events.access.AccessRefusalsSummarised;
import org.trustregistry.events.access.RefusalKind;

/**
 * Decides, per window, which refusals are stored one by one and counts the others, so that a flood of
 * refused requests costs a bounded number of stored events: at most {@code storedPerWindow} single refusals
 * plus one summary per source (client address and API key) and kind, for at most {@code trackedSources}
 * sources and one "other addresses" source. Memory is bounded the same way. A window follows the one
 * before it (the first starts at start-up). Not a Spring bean: {@link RefusalAudit} drives it.
 */
final class RefusalBudget {

    /** Who was refused: a client address, and the API key that authenticated the request (or null). */
    record Source(String clientAddress, String actorId) {
        static final Source OTHER = new Source(AccessRefusalsSummarised.OTHER_ADDRESSES, null);
    }

    private static final class Counts {
        long count;
        final Map<String, Long> byStatus = new TreeMap<>();
    }

    private static final class Tally {
        int stored;
        final Map<RefusalKind, Counts> summarised = new EnumMap<>(RefusalKind.class);

        void summarise(RefusalKind kind, int status) {
            Counts counts = summarised.computeIfAbsent(kind, k -> new Counts());
            counts.count++;
            counts.byStatus.merge(Integer.toString(status), 1L, Long::sum);
        }
    }

    private RefusalAuditSettings settings;
    private Instant start;
    private Instant end;
    private final Map<Source, Tally> tallies = new HashMap<>();
    private int storedInWindow;

    RefusalBudget(RefusalAuditSettings settings, Instant now) {
        this.settings = settings;
        open(now);
    }

    synchronized void configure(RefusalAuditSettings settings) {
        this.settings = settings;
    }

    /**
     * Counts a refusal: true if it is to be stored on its own, false if it was counted into its window's
     * summary. Summaries of a window that has closed are handed to {@code closed} first.
     */
    synchronized boolean admit(Source source, RefusalKind kind, int status, Instant now,
                               List<AccessRefusalsSummarised> closed) {
        closed.addAll(rollIfDue(now));
        Tally tally = tallies.get(source);
        if (tally == null) {
            if (tallies.size() >= settings.trackedSources()) {
                tallies.computeIfAbsent(Source.OTHER, s -> new Tally()).summarise(kind, status);
                return false;
            }
            tally = new Tally();
            tallies.put(source, tally);
        }
        if (tally.stored < settings.storedPerSource() && storedInWindow < settings.storedPerWindow()) {
            tally.stored++;
            storedInWindow++;
            return true;
        }
        tally.summarise(kind, status);
        return false;
    }

    /** Counts into the summary a refusal that was admitted but could not be queued for writing. */
    synchronized void summariseInstead(Source source, RefusalKind kind, int status) {
        Tally tally = tallies.get(source);
        (tally == null ? tallies.computeIfAbsent(Source.OTHER, s -> new Tally()) : tally).summarise(kind, status);
    }

    /** The summaries of the window if it has ended by {@code now}; a new window is open afterwards. */
    synchronized List<AccessRefusalsSummarised> rollIfDue(Instant now) {
        if (now.isBefore(end)) {
            return List.of();
        }
        List<AccessRefusalsSummarised> summaries = summaries(end);
        Instant next = end.plus(window());
        open(now.isBefore(next) ? end : now);
        return summaries;
    }

    /** Closes the window now, whether or not its time is up (shutdown, tests); the next one starts now. */
    synchronized List<AccessRefusalsSummarised> close(Instant now) {
        List<AccessRefusalsSummarised> summaries = summaries(now.isBefore(end) ? now : end);
        open(now);
        return summaries;
    }

    private List<AccessRefusalsSummarised> summaries(Instant to) {
        List<AccessRefusalsSummarised> summaries = new ArrayList<>();
        tallies.forEach((source, tally) -> tally.summarised.forEach((kind, counts) ->
                summaries.add(new AccessRefusalsSummarised(kind, source.clientAddress(), source.actorId(), start, to,
                        counts.count, java.util.Collections.unmodifiableMap(new TreeMap<>(counts.byStatus))))));
        return summaries;
    }

    private void open(Instant windowStart) {
        start = windowStart;
        end = windowStart.plus(window());
        tallies.clear();
        storedInWindow = 0;
    }

    private Duration window() {
        return settings.window();
    }

}
