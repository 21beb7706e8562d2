package org.trustregistry.command.common;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's own lookup tables (registry_catalog, schema_catalog, expiry_deadlines) are kept
 * by event handlers in a subscribing processor: they run inside the unit of work that appends the
 * events, in the same database transaction, so the tables can never disagree with the event store.
 * A failure there fails the command (propagated, never logged and skipped).
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideCatalogs {

    public static final String PROCESSING_GROUP = "command-side-catalogs";

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
