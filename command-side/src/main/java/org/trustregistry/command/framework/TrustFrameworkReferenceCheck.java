package org.trustregistry.command.framework;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Before any command that references a trust framework is handled — registry, schema, issuer or
 * verifier — the framework must exist and not be retired. One check for every such command, run in
 * the command's unit of work (and transaction); Axon's auto-configuration registers it on the bus.
 * A command that re-states a reference to a framework retired since counts as a new reference.
 */
@Component
public class TrustFrameworkReferenceCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final FrameworkCatalog frameworks;

    TrustFrameworkReferenceCheck(FrameworkCatalog frameworks) {
        this.frameworks = frameworks;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ReferencesTrustFramework command) {
            frameworks.requireReferenceable(command.trustFrameworkId());
        }
        return chain.proceed();
    }
}
