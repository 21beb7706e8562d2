package org.trustregistry.query.admin;

import java.time.Instant;

/**
 * The event a projection could not process, and what went wrong: it is retried (with Axon's back-off)
 * and nothing after it is processed until it succeeds, so the projection stands still at this event.
 *
 * @param position      the event's global index (null when the store could not be asked)
 * @param eventId       the event's identifier
 * @param eventType     its payload type's simple name
 * @param aggregateType the aggregate it belongs to (null for an event of no aggregate)
 * @param aggregateId   that aggregate's identifier
 * @param error         what the handler or the store said (the innermost cause's message)
 * @param since         the first failure on this event
 * @param retries       how many times it failed since
 */
public record ProjectionFailure(Long position, String eventId, String eventType, String aggregateType,
                                String aggregateId, Long sequenceNumber, String error, Instant since, int retries) {

    ProjectionFailure at(Long globalIndex) {
        return new ProjectionFailure(globalIndex, eventId, eventType, aggregateType, aggregateId, sequenceNumber, error,
                since, retries);
    }

    ProjectionFailure again(String error) {
        return new ProjectionFailure(position, eventId, eventType, aggregateType, aggregateId, sequenceNumber, error,
                since, retries + 1);
    }

    /** The innermost cause's message: what actually refused the event, without the wrappers around it. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "failed without a message" : message.strip();
    }
}
