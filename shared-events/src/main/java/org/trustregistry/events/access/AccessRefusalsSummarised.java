package org.trustregistry.events.access;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * Refusals of one client address (and API key, if one authenticated them) in one window, counted
 * instead of recorded one by one: those beyond the first few of the window, or all of them once too
 * many addresses were counted ({@code clientAddress} is then {@value #OTHER_ADDRESSES}). {@code count}
 * is how many were summarised, {@code byStatus} how many of them had each HTTP status.
 */
@Revision("1")
public record AccessRefusalsSummarised(RefusalKind result, String clientAddress, String actorId, Instant from,
                                       Instant to, long count, Map<String, Long> byStatus) {

    /** The client address of the summary for the addresses beyond the number counted one by one. */
    public static final String OTHER_ADDRESSES = "other";
}
