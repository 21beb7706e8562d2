package org.trustregistry.server.idempotency;

/** An Idempotency-Key already used by this caller for another request (method, path, query or body); 422. */
class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String firstRequest) {
        super("This Idempotency-Key was already used for another request (" + firstRequest
                + ", or the same with another body); use a new key for a new request");
    }
}
