package org.trustregistry.command.common.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies {@link CommandAccess} to every command on the bus, before any other rule and before its handler,
 * in the command's unit of work: a refused command reaches no handler and writes nothing (its transaction
 * rolls back, the Idempotency-Key claimed just before included). On the bus rather than on URLs, so that
 * every path to a command is covered. Axon's auto-configuration registers it; only the idempotency
 * recorder runs before it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CommandAccessCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandAccess access;

    CommandAccessCheck(CommandAccess access) {
        this.access = access;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        access.check(command.getPayload(), Actor.from(command.getMetaData()));
        return chain.proceed();
    }
}
