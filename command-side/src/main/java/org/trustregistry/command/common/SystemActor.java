package org.trustregistry.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.trustregistry.shared.MessageMetadata;

/** Commands the registry sends by itself (expiry, delegation lapses) carry "system" as their actor. */
public final class SystemActor {

    private SystemActor() {
    }

    public static CommandMessage<?> command(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload)
                .andMetaData(MetaData.with(MessageMetadata.ACTOR_ID, MessageMetadata.SYSTEM_ACTOR)
                        .and(MessageMetadata.ACTOR_ROLE, MessageMetadata.SYSTEM_ACTOR));
    }
}
