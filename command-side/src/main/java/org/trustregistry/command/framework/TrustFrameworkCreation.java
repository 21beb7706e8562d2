package org.trustregistry.command.framework;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.Validation;
import org.trustregistry.shared.MessageMetadata;

/** Creates a framework and answers with its state, like the other creations. */
@Component
class TrustFrameworkCreation {

    private final Configuration axon;
    private final Clock clock;

    TrustFrameworkCreation(Configuration axon, Clock clock) {
        this.axon = axon;
        this.clock = clock;
    }

    @CommandHandler
    TrustFrameworkState handle(CreateTrustFramework command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor)
            throws Exception {
        return repository().newInstance(() -> new TrustFramework(command, Validation.actorOrSystem(actor), clock))
                .invoke(TrustFramework::state);
    }

    private Repository<TrustFramework> repository() {
        return axon.repository(TrustFramework.class);
    }
}
