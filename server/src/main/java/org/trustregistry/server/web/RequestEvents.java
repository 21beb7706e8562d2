package org.trustregistry.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers which events an HTTP request published (the command bus runs the handler on the request's
 * thread), so that read-your-writes can wait for exactly those — not for whatever else was appended.
 */
public class RequestEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String ATTRIBUTE = RequestEvents.class.getName();

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            identifiers(request).addAll(messages.stream().map(EventMessage::getIdentifier).toList());
        }
        return (index, event) -> event;
    }

    /** The identifiers of the events published while handling the current request (committed or not). */
    static List<String> published(RequestAttributes request) {
        Object known = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return known instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> identifiers(RequestAttributes request) {
        Object known = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof List<?> list) {
            return (List<String>) list;
        }
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        request.setAttribute(ATTRIBUTE, created, RequestAttributes.SCOPE_REQUEST);
        return created;
    }
}
