package org.trustregistry.query.trqp;

import org.trustregistry.query.admin.FailClosed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.Rfc3339;
import org.trustregistry.shared.Did;
import org.trustregistry.shared.Text;
import tools.jackson.databind.JsonNode;

/**
 * TRQP v2 ({@code spec/trqp-v2}): {@code POST /v2/authorization} and {@code POST /v2/recognition}.
 * Members of {@code context} the server does not know are ignored, as the spec says, but every member
 * must be a string (the schema's {@code additionalProperties}), so that the echoed context keeps the
 * answer valid against the response schema; {@code context.time} must be RFC 3339 with the Z offset.
 * Other members of the query are refused (400 naming them): a misspelt member must not go unnoticed.
 * {@code entity_id} and {@code authority_id} are plain strings in the schema, but this registry only
 * ever holds DIDs there, so anything that is not a DID is a 400.
 */
@RestController
class TrqpController {

    static final int MAX_IDENTIFIER = 2048;
    private static final Set<String> MEMBERS = Set.of("entity_id", "authority_id", "action", "resource", "context");

    private final TrqpEvaluator evaluator;
    private final Clock clock;

    TrqpController(TrqpEvaluator evaluator, Clock clock) {
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** A TRQP query as received: the four identifiers and the optional context. */
    record Query(String entityId, String authorityId, String action, String resource, JsonNode context,
                 String timeRequested, Instant time) {
    }

    @PostMapping("/v2/authorization")
    @FailClosed(AuthorityHistoryProjection.NAME)
    Map<String, Object> authorization(@RequestBody JsonNode body) {
        Query query = parse(body);
        TrqpEvaluator.Outcome outcome = evaluator.authorization(query.authorityId(), query.entityId(), query.action(),
                query.resource(), query.time());
        return answer(query, outcome, "authorized");
    }

    @PostMapping("/v2/recognition")
    @FailClosed(AuthorityHistoryProjection.NAME)
    Map<String, Object> recognition(@RequestBody JsonNode body) {
        Query query = parse(body);
        TrqpEvaluator.Outcome outcome = evaluator.recognition(query.authorityId(), query.entityId(), query.action(),
                query.resource(), query.time());
        return answer(query, outcome, "recognized");
    }

    private Map<String, Object> answer(Query query, TrqpEvaluator.Outcome outcome, String verdict) {
        if (!outcome.authorityKnown()) {
            throw new NotFoundException("Unknown authority_id " + query.authorityId());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("entity_id", query.entityId());
        response.put("authority_id", query.authorityId());
        response.put("action", query.action());
        response.put("resource", query.resource());
        response.put(verdict, outcome.granted());
        if (query.timeRequested() != null) {
            response.put("time_requested", query.timeRequested());
        }
        response.put("time_evaluated", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        response.put("message", outcome.message());
        if (query.context() != null) {
            response.put("context", query.context());
        }
        return response;
    }

    private Query parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadQueryException("body", "the request body must be a JSON object");
        }
        for (String member : body.propertyNames()) {
            if (!MEMBERS.contains(member)) {
                throw new BadQueryException(member, "unknown member '" + member
                        + "': a TRQP query has entity_id, authority_id, action, resource and context");
            }
        }
        String entityId = did(body, "entity_id");
        String authorityId = did(body, "authority_id");
        String action = identifier(body, "action");
        String resource = identifier(body, "resource");
        JsonNode context = body.get("context");
        String timeRequested = null;
        Instant time = clock.instant();
        if (context != null && !context.isNull()) {
            if (!context.isObject()) {
                throw new BadQueryException("context", "context must be a JSON object");
            }
            for (Map.Entry<String, JsonNode> member : context.properties()) {
                if (!member.getValue().isString()) {
                    throw new BadQueryException("context." + member.getKey(), "context." + member.getKey()
                            + " must be a string: every member of a TRQP context is one");
                }
            }
            JsonNode given = context.get("time");
            if (given != null) {
                time = Rfc3339.parse("context.time", given.asString());
                timeRequested = given.asString();
            }
        } else {
            context = null;
        }
        return new Query(entityId, authorityId, action, resource, context, timeRequested, time);
    }

    private static String identifier(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new BadQueryException(field, field + " is required");
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw new BadQueryException(field, field + " must be a non-empty string");
        }
        if (value.asString().length() > MAX_IDENTIFIER) {
            throw new BadQueryException(field, field + " is longer than " + MAX_IDENTIFIER + " characters");
        }
        Text.problem(value.asString(), Text.Kind.SINGLE_LINE).ifPresent(problem -> {
            throw new BadQueryException(field, field + " " + problem);
        });
        return value.asString();
    }

    private static String did(JsonNode body, String field) {
        String value = identifier(body, field);
        if (!Did.isValid(value)) {
            throw new BadQueryException(field, field + " must be " + Did.RULE + " (this registry holds only DIDs)");
        }
        return value;
    }
}
