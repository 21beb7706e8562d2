package org.trustregistry.server.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/** The error answers of the API (problem details, see {@code ProblemDetailsAdvice}), documented once each. */
enum ProblemResponse {
    BAD_REQUEST("400", "BadRequest",
            "Invalid request: a body that is not JSON, or fields or parameters that fail validation (see `errors`)"),
    UNAUTHORIZED("401", "Unauthorized", "No API key, or one that is unknown, revoked or expired"),
    FORBIDDEN("403", "Forbidden", "The API key's role may not do this"),
    NOT_FOUND("404", "NotFound", "No resource with this id, or a resource the request refers to does not exist"),
    CONFLICT("409", "Conflict",
            "Refused by a business rule or the lifecycle (illegal status transition), "
                    + "or a concurrent change came first"),
    CONTENT_TOO_LARGE("413", "ContentTooLarge", "The request body is larger than the server accepts (1 MB by default)"),
    UNPROCESSABLE_CONTENT("422", "IdempotencyKeyReused",
            "The Idempotency-Key was used before, by the same API key, for another request (method, path, query "
                    + "or body)"),
    TOO_MANY_REQUESTS("429", "TooManyRequests",
            "Over a rate limit (per API key, or per client address without one): retry after the `Retry-After` "
                    + "header's seconds; `RateLimit-Policy` and `RateLimit` say which limit and what is left"),
    SERVICE_UNAVAILABLE("503", "ServiceUnavailable",
            "Not answered now, retry after the `Retry-After` header's seconds: the database does not answer, or "
                    + "(trust reads) a projection the answer depends on is failing, stopped, being rebuilt or behind "
                    + "the event store by more than the bound — never an answer from stale state");

    private final String code;
    private final String component;
    private final String description;

    ProblemResponse(String code, String component, String description) {
        this.code = code;
        this.component = component;
        this.description = description;
    }

    String component() {
        return component;
    }

    String description() {
        return description;
    }

    /** Adds this answer to the operation, unless the operation documents that status itself. */
    void addTo(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(code, new ApiResponse().$ref("#/components/responses/" + component));
    }
}
