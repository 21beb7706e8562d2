package org.trustregistry.query.ayra;

import org.trustregistry.query.admin.FailClosed;
import org.trustregistry.query.trqp.AuthorityHistoryProjection;
import org.trustregistry.query.registry.TrustRegistryProjection;
import org.trustregistry.query.schema.CredentialSchemaProjection;
import org.trustregistry.query.issuer.IssuerProjection;
import org.trustregistry.query.verifier.VerifierProjection;
import org.trustregistry.query.framework.TrustFrameworkProjection;
import org.trustregistry.query.federation.FederationConnectionProjection;
import org.trustregistry.query.did.DidDirectoryProjection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.trustregistry.query.common.BadQueryException;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.Rfc3339;
import org.trustregistry.query.did.ParkedDids;
import org.trustregistry.query.trqp.TrqpEvaluator;

/**
 * The Ayra TRQP profile's extension endpoints ({@code spec/ayra-trqp-profile.openapi.yaml}) under {@code /v2}:
 * metadata, entities, ecosystems and lookups. {@code _id} values are DIDs; an authority is a registry's
 * ecosystem DID. Answers "at time" come from the recorded history through {@link TrqpEvaluator}.
 */
@RestController
@FailClosed({AuthorityHistoryProjection.NAME, TrustRegistryProjection.NAME, CredentialSchemaProjection.NAME,
        IssuerProjection.NAME, VerifierProjection.NAME, TrustFrameworkProjection.NAME,
        FederationConnectionProjection.NAME, DidDirectoryProjection.NAME})
class AyraProfileController {

    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_LIMIT = 1000;
    /** More than fit in a description of MAX_DESCRIPTION characters. */
    private static final int SERVED_LISTED = 200;

    private final AyraQueries queries;
    private final TrqpEvaluator evaluator;
    private final ParkedDids parked;
    private final Clock clock;
    private final ServiceMetadata service;

    AyraProfileController(AyraQueries queries, TrqpEvaluator evaluator, ParkedDids parked, Clock clock,
                          ServiceMetadata service) {
        this.queries = queries;
        this.evaluator = evaluator;
        this.parked = parked;
        this.clock = clock;
        this.service = service;
    }

    /** One registry's metadata with {@code authority_id}; without it, the service and the ecosystems it serves. */
    @GetMapping("/v2/metadata")
    Map<String, Object> metadata(@RequestParam(name = "authority_id", required = false) String authorityId) {
        if (authorityId == null) {
            AyraQueries.ServedRegistries served = queries.servedRegistries(SERVED_LISTED);
            return service.describe(ServletUriComponentsBuilder.fromCurrentContextPath().path("/v2").toUriString(),
                    served.first(), served.total(), queries.didMethods(null));
        }
        AyraQueries.Registry registry = registry("authority_id", authorityId);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("id", registry.ecosystemDid());
        metadata.put("authority_id", registry.ecosystemDid());
        if (registry.trustFrameworkId() != null) {
            metadata.put("governance_framework_id", registry.trustFrameworkId().toString());
        }
        metadata.put("name", registry.name());
        metadata.put("description", description(registry));
        metadata.put("supported_did_methods", queries.didMethods(registry.id()));
        return metadata;
    }

    @GetMapping("/v2/entities/{entity_id}")
    Map<String, Object> entity(@PathVariable("entity_id") String entityId) {
        known(entityId);
        parked.requireNotParked(entityId);
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("entity_id", entityId);
        List<Map<String, Object>> registrations = new ArrayList<>();
        for (AyraQueries.Registration registration : queries.registrations(entityId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("authority_id", registration.authorityId());
            row.put("type", registration.entityType().toLowerCase(java.util.Locale.ROOT));
            row.put("status", registration.status());
            row.put("valid_from", text(registration.validFrom()));
            row.put("valid_until", text(registration.validUntil()));
            row.put("credential_types", registration.credentialTypes());
            registrations.add(row);
        }
        entity.put("registrations", registrations);
        entity.put("did_directory", queries.directoryEntry(entityId).orElse(null));
        return entity;
    }

    @GetMapping("/v2/entities/{entity_id}/authorizations")
    List<Map<String, Object>> entityAuthorizations(@PathVariable("entity_id") String entityId,
                                                   @RequestParam(required = false) String time) {
        Instant t = time(time);
        known(entityId);
        String evaluated = now();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (AyraQueries.Candidate candidate : queries.candidates(entityId, t)) {
            String action = action(candidate.entityType());
            TrqpEvaluator.Outcome outcome = evaluator.authorization(candidate.authorityId(), entityId, action,
                    candidate.resource(), t);
            if (outcome.granted()) {
                answers.add(answer(entityId, candidate.authorityId(), action, candidate.resource(), "authorized",
                        time, evaluated, outcome.message()));
            }
        }
        return answers;
    }

    @GetMapping("/v2/entities")
    Map<String, Object> entities(@RequestParam(name = "authority_id", required = false) String authorityId,
                                 @RequestParam(required = false) String action,
                                 @RequestParam(required = false) String resource,
                                 @RequestParam(required = false) String time,
                                 @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) Integer offset) {
        int size = limit == null ? 100 : limit;
        int from = offset == null ? 0 : offset;
        if (size < 1 || size > MAX_LIMIT) {
            throw new BadQueryException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (from < 0) {
            throw new BadQueryException("offset", "offset must be 0 or more");
        }
        if ((action == null) != (resource == null)) {
            throw new BadQueryException(action == null ? "action" : "resource",
                    "action and resource must be given together");
        }
        Instant t = time(time);
        UUID registryId = authorityId == null ? null : registry("authority_id", authorityId).id();
        String entityType = null;
        if (action != null) {
            entityType = switch (action) {
                case "issue" -> "ISSUER";
                case "verify" -> "VERIFIER";
                default -> null;
            };
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        if (action == null || entityType != null) {
            for (AyraQueries.Standing standing : queries.standing(registryId, entityType, resource, t)) {
                if (resource != null && !evaluator.authorization(standing.authorityId(), standing.did(), action,
                        resource, t).granted()) {
                    continue;
                }
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("entity_id", standing.did());
                if (standing.name() != null) {
                    summary.put("name", standing.name());
                }
                summary.put("type", standing.entityType().toLowerCase(java.util.Locale.ROOT));
                summary.put("authority_id", standing.authorityId());
                matching.add(summary);
            }
        }
        List<Map<String, Object>> page = from >= matching.size() ? List.of()
                : matching.subList(from, Math.min(matching.size(), from + size));
        return Map.of("items", page, "pagination", Map.of("limit", size, "offset", from, "total", matching.size()));
    }

    @GetMapping("/v2/ecosystems/{ecosystem_id}")
    Map<String, Object> ecosystem(@PathVariable("ecosystem_id") String ecosystemId) {
        AyraQueries.Registry registry = registry("ecosystem_id", ecosystemId);
        Map<String, Object> ecosystem = new LinkedHashMap<>();
        ecosystem.put("ecosystem_id", registry.ecosystemDid());
        ecosystem.put("name", registry.name());
        ecosystem.put("description", description(registry));
        ecosystem.put("status", registry.status());
        ecosystem.put("governance_authority", registry.governanceAuthority());
        if (registry.trustFrameworkId() != null) {
            ecosystem.put("governance_framework_id", registry.trustFrameworkId().toString());
            queries.frameworkName(registry.trustFrameworkId())
                    .ifPresent(name -> ecosystem.put("governance_framework_name", name));
        }
        ecosystem.put("credential_types", queries.activeSchemas(registry.id()).stream()
                .map(schema -> schema.get("type")).distinct().toList());
        ecosystem.put("supported_did_methods", queries.didMethods(registry.id()));
        ecosystem.put("federation", queries.connections(registry.id()));
        return ecosystem;
    }

    @GetMapping("/v2/ecosystems/{ecosystem_id}/recognitions")
    List<Map<String, Object>> recognitions(@PathVariable("ecosystem_id") String ecosystemId,
                                           @RequestParam(required = false) String time) {
        Instant t = time(time);
        AyraQueries.Registry registry = registry("ecosystem_id", ecosystemId);
        String evaluated = now();
        List<Map<String, Object>> answers = new ArrayList<>();
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (AyraQueries.Recognition recognition : queries.recognitionsAt(registry.id(), t)) {
            for (Map<String, String> scope : recognition.scopes()) {
                String action = scope.get("action");
                String resource = scope.get("resource");
                if (!seen.add(List.of(recognition.remoteDid(), action, resource))) {
                    continue;
                }
                TrqpEvaluator.Outcome outcome = evaluator.recognition(ecosystemId, recognition.remoteDid(), action,
                        resource, t);
                if (outcome.granted()) {
                    answers.add(answer(recognition.remoteDid(), ecosystemId, action, resource, "recognized", time,
                            evaluated, outcome.message()));
                }
            }
        }
        return answers;
    }

    @GetMapping("/v2/lookups/authorizations")
    List<Map<String, String>> lookupAuthorizations(
            @RequestParam(name = "authority_id", required = false) String authorityId) {
        UUID registryId = authorityId == null ? null : registry("authority_id", authorityId).id();
        List<Map<String, String>> authorizations = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map<String, String> schema : queries.activeSchemas(registryId)) {
            String type = schema.get("type");
            if (!seen.add(type)) {
                continue;
            }
            String about = " credentials of type " + type + " (schema " + schema.get("name")
                    + (schema.get("version") == null ? "" : " " + schema.get("version")) + ")";
            authorizations.add(Map.of("action", "issue", "resource", type, "description", "Issue" + about));
            authorizations.add(Map.of("action", "verify", "resource", type, "description", "Verify" + about));
        }
        return authorizations;
    }

    /** The DID methods of the DIDs the registry knows (its DID directory entries), not only those it can resolve. */
    @GetMapping("/v2/lookups/didMethods")
    List<Map<String, String>> lookupDidMethods(
            @RequestParam(name = "authority_id", required = false) String authorityId) {
        UUID registryId = authorityId == null ? null : registry("authority_id", authorityId).id();
        return queries.didMethods(registryId).stream().map(method -> {
            Map<String, String> type = new LinkedHashMap<>();
            type.put("identifier", "did:" + method);
            if (authorityId != null) {
                type.put("authority_id", authorityId);
            }
            return type;
        }).toList();
    }

    @GetMapping("/v2/lookups/assuranceLevels")
    Object lookupAssuranceLevels(@RequestParam(name = "authority_id", required = false) String authorityId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED,
                "not implemented: assurance levels are not modelled");
        problem.setTitle("Not implemented");
        throw new ErrorResponseException(HttpStatus.NOT_IMPLEMENTED, problem, null);
    }

    /** Authorities and ecosystems are registries' ecosystem DIDs: anything else is a 400, an unknown DID a 404. */
    private AyraQueries.Registry registry(String parameter, String authorityId) {
        Filters.did(parameter, authorityId);
        return queries.registry(authorityId)
                .orElseThrow(() -> new NotFoundException("Unknown authority/ecosystem " + authorityId));
    }

    private void known(String entityId) {
        Filters.did("entity_id", entityId);
        if (!queries.knownDid(entityId)) {
            throw new NotFoundException("Unknown entity " + entityId);
        }
    }

    private Instant time(String time) {
        return time == null ? clock.instant() : Rfc3339.parse("time", time);
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String action(String entityType) {
        return "VERIFIER".equals(entityType) ? "verify" : "issue";
    }

    private static String description(AyraQueries.Registry registry) {
        String description = registry.description() == null || registry.description().isBlank()
                ? "Trust registry " + registry.name() + " for the ecosystem " + registry.ecosystemDid()
                : registry.description();
        return description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) : description;
    }

    private static Map<String, Object> answer(String entityId, String authorityId, String action, String resource,
                                              String verdict, String timeRequested, String evaluated, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entity_id", entityId);
        answer.put("authority_id", authorityId);
        answer.put("action", action);
        answer.put("resource", resource);
        answer.put(verdict, true);
        if (timeRequested != null) {
            answer.put("time_requested", timeRequested);
        }
        answer.put("time_evaluated", evaluated);
        answer.put("message", message);
        return answer;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
