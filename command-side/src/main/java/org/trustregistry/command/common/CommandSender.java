package org.trustregistry.command.common;

import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends a command and waits for it: when this returns, the command's events are committed to the
 * event store (an accepted command is never lost). Its exceptions are the handler's own, mapped to
 * problem details by the application's exception handler.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return gateway.sendAndWait(command);
    }

    /** 201 Created with the new resource and its Location, relative to the collection that was posted to. */
    public <R> ResponseEntity<R> create(Object command, Object id) {
        R result = send(command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(result);
    }
}
