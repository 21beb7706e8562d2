package org.trustregistry.server.idempotency;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.trustregistry.command.common.CommandSender;

/**
 * Puts the request's Idempotency-Key (with its caller and fingerprint) on the command that answers the
 * request — the one CommandSender marks with the answer's status — and on no other: a command sent
 * aside (a failure put on record) or by the registry itself never claims a key. Axon's
 * auto-configuration registers this bean on the command gateway.
 */
@Component
class IdempotencyMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null || !command.getMetaData().containsKey(CommandSender.ANSWER_STATUS)
                    || !(request.getAttribute(IdempotentRequest.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                            instanceof IdempotentRequest idempotent)) {
                return command;
            }
            // one answer per request: a second answering command could only collide with the first's claim
            request.removeAttribute(IdempotentRequest.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            return command.andMetaData(idempotent.toMetadata());
        };
    }
}
