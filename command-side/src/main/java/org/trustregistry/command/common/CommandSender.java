package org.trustregistry.command.common;

import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends a command and waits for it: when this returns, the command's events are committed to the
 * event store (an accepted command is never lost). Its exceptions are the handler's own, mapped to
 * problem details by the application's exception handler.
 * <p>
 * A command whose result is the request's answer says so in its metadata (the HTTP status, and the
 * Location of a created resource), so that the answer can be remembered under the request's
 * Idempotency-Key in the command's own transaction (see the server's idempotency package).
 */
@Component
public class CommandSender {

    /** Metadata: the HTTP status the result is answered with; only on commands whose result is the answer. */
    public static final String ANSWER_STATUS = "answerStatus";
    /** Metadata: the Location header of that answer, for a created resource. */
    public static final String ANSWER_LOCATION = "answerLocation";

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** 200 OK with the command's result. */
    public <R> R send(Object command) {
        return gateway.sendAndWait(command, MetaData.with(ANSWER_STATUS, HttpStatus.OK.value()));
    }

    /** 201 Created with the new resource and its Location, relative to the collection that was posted to. */
    public <R> ResponseEntity<R> create(Object command, Object id) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        R result = gateway.sendAndWait(command, MetaData.with(ANSWER_STATUS, HttpStatus.CREATED.value())
                .and(ANSWER_LOCATION, location.toString()));
        return ResponseEntity.created(location).body(result);
    }

    /**
     * A command whose result is not the request's answer, e.g. a failure put on record before the
     * request is refused: it is never remembered under the request's Idempotency-Key, so a retry with
     * the same key tries again.
     */
    public <R> R sendAside(Object command) {
        return gateway.sendAndWait(command);
    }
}
