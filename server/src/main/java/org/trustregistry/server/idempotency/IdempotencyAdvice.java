package org.trustregistry.server.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.trustregistry.server.web.Problems;

/**
 * The answers of the Idempotency-Key handling that are not the command's own: 400 for a malformed key,
 * 422 for a key reused for another request, and the first answer to a concurrent duplicate whose
 * command found the key claimed. Ahead of the application's ProblemDetailsAdvice, which would make
 * these exceptions 500s.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyAdvice {

    private final IdempotencyRecords records;

    IdempotencyAdvice(IdempotencyRecords records) {
        this.records = records;
    }

    @ExceptionHandler(IdempotencyKey.MalformedException.class)
    ResponseEntity<ProblemDetail> malformed(IdempotencyKey.MalformedException e) {
        return ResponseEntity.badRequest().body(Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                        e.getMessage()),
                List.of(new Problems.FieldError(IdempotencyKey.HEADER, e.getMessage()))));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> reused(IdempotencyKeyReusedException e) {
        return ResponseEntity.unprocessableContent().body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused", "Idempotency-Key reused for another request", e.getMessage()));
    }

    /** The first request committed while this one waited for its key: its answer is this one's too. */
    @ExceptionHandler(DuplicateIdempotencyKeyException.class)
    ResponseEntity<ProblemDetail> concurrentDuplicate(DuplicateIdempotencyKeyException e,
                                                      HttpServletResponse response) throws IOException {
        IdempotentRequest request = e.request();
        var first = records.find(request.caller(), request.key());
        if (first.isEmpty()) { // removed in between: only a retention far shorter than a request could do that
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                    "concurrent-modification", "Concurrent modification",
                    "A concurrent request with this Idempotency-Key came first; retry"));
        }
        try {
            IdempotentRequests.replay(request, first.get(), response);
        } catch (IdempotencyKeyReusedException reused) {
            return reused(reused);
        }
        return null; // answered: the recorded answer is written as it was
    }
}
