package org.trustregistry.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A request was refused: a write attempt (any 4xx), or a read that needs an API key (401, 403). Not an
 * aggregate's event: it is published on its own, so that it is a stored event of the one store auditors
 * read, and it never comes with another event. {@code operation} is the method and the route template
 * ({@code POST /v2/issuers/{id}/status}; the path itself where no route matches), {@code target} the path
 * as sent, {@code resourceType}/{@code resourceId} what the route names (an aggregate type and the first
 * identifier in the path, if any); {@code reason} is the detail of the problem the caller got. The actor
 * is the API key that authenticated the request, null when none did.
 */
@Revision("1")
public record AccessRefused(RefusalKind result, int status, String operation, String target, String resourceType,
                            String resourceId, String reason, String clientAddress, String actorId,
                            String actorRole, String requestId, Instant refusedAt) {
}
