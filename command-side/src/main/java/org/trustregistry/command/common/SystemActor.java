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

    /**
     * A command the registry sends in answer to what a request did (a delegation lapsing because its
     * delegator was suspended): the request id goes on, so its events say which request they follow from
     * — for auditors, and for read-your-writes, which waits for them too.
     */
    public static CommandMessage<?> commandCausedBy(Object payload, String requestId) {
        CommandMessage<?> command = command(payload);
        return requestId == null ? command : command.andMetaData(MetaData.with(MessageMetadata.REQUEST_ID, requestId));
    }
}
