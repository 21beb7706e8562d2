package org.trustregistry.query.admin;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * What a processor's tracking token says it has processed. A gap-aware token has seen every index up to
 * its {@code index} except its gaps: indexes that were not visible when it passed them — a transaction
 * still in flight (its events come later), or one that rolled back (they never will). So "processed up
 * to" needs the store's help to tell the two apart (see {@link ProjectionMonitor}).
 */
final class Positions {

    static final long NONE = -1;

    private Positions() {
    }

    /** The token of a processor's segment as it is now (during a replay, the replay's progress). */
    static TrackingToken current(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrapLowerBound(token);
    }

    /** The highest index the token has seen (-1: none). */
    static long index(TrackingToken token) {
        TrackingToken current = current(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        OptionalLong position = current == null ? OptionalLong.empty() : current.position();
        return position.isPresent() ? position.getAsLong() : NONE;
    }

    /** The indexes below {@link #index} it has not seen. */
    static SortedSet<Long> gaps(TrackingToken token) {
        return current(token) instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps() : new TreeSet<>();
    }

    /** Whether the token has processed every one of these events. */
    static boolean covers(TrackingToken token, Collection<Long> positions) {
        long index = index(token);
        SortedSet<Long> gaps = gaps(token);
        return positions.stream().allMatch(p -> p <= index && !gaps.contains(p));
    }

    /** The token of the (lowest) segment this node processes, if it holds any. */
    static Optional<TrackingToken> token(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                .map(EventTrackerStatus::getTrackingToken)
                .filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.comparingLong(Positions::index));
    }
}
