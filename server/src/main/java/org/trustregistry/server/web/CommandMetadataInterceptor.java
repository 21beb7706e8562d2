package org.trustregistry.server.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.trustregistry.server.security.Caller;
import org.trustregistry.shared.MessageMetadata;

/**
 * Puts the caller (API key id and role) and the request id on every command sent while handling an
 * HTTP request, so that they end up on the events (see the correlation data providers). Axon's
 * auto-configuration registers this bean on the command gateway.
 */
@Component
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null) {
                return command;
            }
            Map<String, Object> metadata = new HashMap<>();
            Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (requestId != null) {
                metadata.put(MessageMetadata.REQUEST_ID, requestId.toString());
            }
            if (request.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Caller caller) {
                metadata.put(MessageMetadata.ACTOR_ID, caller.keyId().toString());
                metadata.put(MessageMetadata.ACTOR_ROLE, caller.role().value());
                if (caller.registryId() != null) {
                    metadata.put(MessageMetadata.ACTOR_REGISTRY, caller.registryId().toString());
                }
            }
            return command.andMetaData(metadata);
        };
    }
}
