package org.trustregistry.server.idempotency;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The idempotency_keys table (V11): the first request made with each (caller, key), and its answer. */
@Component
public class IdempotencyRecords {

    /** The answer a request got, as sent: replayed byte for byte to a repeat of the request. */
    public record Answer(int status, String location, String contentType, byte[] body) {

        void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            if (location != null) {
                response.setHeader("Location", location);
            }
            if (contentType != null) {
                response.setContentType(contentType);
            }
            response.setHeader(IdempotentRequests.REPLAYED_HEADER, "true");
            byte[] bytes = body == null ? new byte[0] : body;
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** A request made with a key: what it was (its fingerprint) and, once committed, its answer. */
    public record Entry(String fingerprint, String method, String target, Answer answer) {
    }

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed record of this key, if there is one (an uncommitted one is invisible: READ COMMITTED). */
    public Optional<Entry> find(UUID caller, String key) {
        return jdbc.sql("SELECT fingerprint, request_method, request_target, response_status, response_location, "
                        + "response_content_type, response_body FROM idempotency_keys "
                        + "WHERE caller_id = ? AND idempotency_key = ?")
                .params(caller, key)
                .query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null
                                : new Answer(rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBytes(7))))
                .optional();
    }

    /**
     * Claims the key for a request, in the caller's transaction. If another transaction holds an
     * uncommitted claim of it, PostgreSQL makes this wait until that one ends; false if the key was
     * (or has just been) claimed by a committed request.
     */
    boolean claim(UUID caller, String key, String fingerprint, String method, String target, String requestId,
                  Instant now) {
        return jdbc.sql("INSERT INTO idempotency_keys (caller_id, idempotency_key, fingerprint, request_method, "
                        + "request_target, request_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (caller_id, idempotency_key) DO NOTHING")
                .params(caller, key, fingerprint, method, target, requestId, Timestamp.from(now))
                .update() == 1;
    }

    /** Stores the answer in a claimed record, in the transaction that claimed it. */
    void complete(UUID caller, String key, Answer answer) {
        int updated = jdbc.sql("UPDATE idempotency_keys SET response_status = ?, response_location = ?, "
                        + "response_content_type = ?, response_body = ? WHERE caller_id = ? AND idempotency_key = ?")
                .params(answer.status(), answer.location(), answer.contentType(), answer.body(), caller, key)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("The idempotency record of this request vanished from its own transaction");
        }
    }

    /** Deletes the records created before the instant; returns how many. */
    public int removeCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
