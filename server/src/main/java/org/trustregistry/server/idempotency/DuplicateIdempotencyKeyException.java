package org.trustregistry.server.idempotency;

/**
 * The command's Idempotency-Key was claimed by a request that committed while this one was on its way
 * (concurrent duplicates): this command was not run and its transaction rolls back; the answer is the
 * first request's (or 422 if that was another request).
 */
class DuplicateIdempotencyKeyException extends RuntimeException {

    private final transient IdempotentRequest request;

    DuplicateIdempotencyKeyException(IdempotentRequest request) {
        super("The Idempotency-Key was used by a concurrent request that committed first");
        this.request = request;
    }

    IdempotentRequest request() {
        return request;
    }
}
