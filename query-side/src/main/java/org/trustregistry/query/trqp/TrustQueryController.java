package org.trustregistry.query.trqp;

import org.trustregistry.query.admin.FailClosed;
import org.trustregistry.query.issuer.IssuerProjection;
import org.trustregistry.query.verifier.VerifierProjection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.Rfc3339;
import org.trustregistry.shared.CanonicalUuid;
import org.trustregistry.shared.Did;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.Text;
import tools.jackson.databind.JsonNode;

/**
 * POST /v2/query (one trust query) and POST /v2/query/batch (up to 100, each answered on its own). A member
 * the query does not know is refused: a misspelt filter ({@code "DID"}) would otherwise widen the query to
 * every active entity and answer {@code trusted: true}.
 */
@RestController
@FailClosed({AuthorityHistoryProjection.NAME, IssuerProjection.NAME, VerifierProjection.NAME})
class TrustQueryController {

    static final int MAX_BATCH = 100;
    static final int MAX_TEXT = 2048;
    private static final Set<String> MEMBERS = Set.of("entityType", "did", "credentialType", "registryId",
            "trustFrameworkId", "jurisdiction", "accreditationLevel", "validAt");
    /** entityType as the API writes it. */
    private static final Map<String, EntityType> ENTITY_TYPES = Map.of("issuer", EntityType.ISSUER,
            "verifier", EntityType.VERIFIER);

    private final TrustQueryService queries;
    private final Clock clock;

    TrustQueryController(TrustQueryService queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/v2/query")
    Map<String, Object> query(@RequestBody JsonNode body) {
        return answer(parse(body));
    }

    /** Each query answered independently: a bad one gets its own 400 in place, the others their answers. */
    @PostMapping("/v2/query/batch")
    Map<String, Object> batch(@RequestBody JsonNode body) {
        if (body != null && body.isObject()) {
            for (String member : body.propertyNames()) {
                if (!member.equals("queries")) {
                    throw new BadQueryException(member, "unknown member '" + member + "': a batch has only queries");
                }
            }
        }
        JsonNode list = body == null ? null : body.get("queries");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadQueryException("queries", "queries must be a non-empty array");
        }
        if (list.size() > MAX_BATCH) {
            throw new BadQueryException("queries", "at most " + MAX_BATCH + " queries in one batch");
        }
        List<Object> results = new ArrayList<>();
        for (JsonNode item : list) {
            try {
                Map<String, Object> answer = answer(parse(item));
                answer.put("status", 200);
                results.add(answer);
            } catch (BadQueryException e) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("status", 400);
                problem.put("field", e.parameter());
                problem.put("detail", e.getMessage());
                results.add(problem);
            }
        }
        return Map.of("results", results);
    }

    private Map<String, Object> answer(TrustQueryService.TrustQuery query) {
        List<TrustQueryService.Match> matches = queries.find(query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("validAt", query.validAt().toString());
        answer.put("trusted", !matches.isEmpty());
        answer.put("matches", matches);
        return answer;
    }

    private TrustQueryService.TrustQuery parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadQueryException("query", "a query is a JSON object");
        }
        for (String member : body.propertyNames()) {
            if (!MEMBERS.contains(member)) {
                throw new BadQueryException(member, "unknown member '" + member + "': a query has "
                        + String.join(", ", new java.util.TreeSet<>(MEMBERS)));
            }
        }
        String entityType = text(body, "entityType");
        EntityType type = null;
        if (entityType != null) {
            type = ENTITY_TYPES.get(entityType);
            if (type == null) {
                throw new BadQueryException("entityType", "entityType must be issuer or verifier");
            }
        }
        String did = text(body, "did");
        if (did != null && !Did.isValid(did)) {
            throw new BadQueryException("did", "did must be " + Did.RULE);
        }
        String validAt = text(body, "validAt");
        Instant at = validAt == null ? clock.instant() : Rfc3339.parse("validAt", validAt);
        return new TrustQueryService.TrustQuery(type, did, text(body, "credentialType"),
                uuid(body, "registryId"), uuid(body, "trustFrameworkId"), text(body, "jurisdiction"),
                text(body, "accreditationLevel"), at);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > MAX_TEXT) {
            throw new BadQueryException(field, field + " must be a non-empty string of at most " + MAX_TEXT
                    + " characters");
        }
        Text.problem(value.asString(), Text.Kind.SINGLE_LINE).ifPresent(problem -> {
            throw new BadQueryException(field, field + " " + problem);
        });
        return value.asString();
    }

    private static UUID uuid(JsonNode body, String field) {
        String value = text(body, field);
        return value == null ? null : CanonicalUuid.parse(value)
                .orElseThrow(() -> new BadQueryException(field, field + " must be " + CanonicalUuid.RULE));
    }
}
