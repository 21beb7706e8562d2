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
import org.trustregistry.command.common.access.Actor;
import org.trustregistry.command.common.access.RequestActor;
import org.trustregistry.server.security.Caller;
import org.trustregistry.shared.MessageMetadata;

/**
 * Puts the caller (API key id, role and, for a registry owner, its registry) and the request id on every
 * command sent while handling an HTTP request, so that the command side can decide what the caller may do
 * and the events say who did it (see the correlation data providers). Axon's auto-configuration registers
 * this bean on the command gateway. The same caller is the {@link RequestActor} for checks made before a
 * command is sent.
 */
@Component
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>>, RequestActor {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            return request == null ? command : command.andMetaData(metadata(request));
        };
    }

    @Override
    public Actor current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return Actor.from(request == null ? Map.of() : metadata(request));
    }

    private static Map<String, Object> metadata(RequestAttributes request) {
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
        return metadata;
    }
}
