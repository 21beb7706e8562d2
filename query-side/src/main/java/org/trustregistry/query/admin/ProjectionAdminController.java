package org.trustregistry.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.NotFoundException;

/** The projections for operators: where each stands, rebuilding one, and its dead letters. */
@RestController
@RequestMapping("/v2/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdmin admin;
    private final DeadLetters deadLetters;

    ProjectionAdminController(ProjectionAdmin admin, DeadLetters deadLetters) {
        this.admin = admin;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Each projection: state, position, lag behind the event store (events and seconds), "
            + "the event it fails on (position, type, aggregate, error, since, retries), dead letters")
    List<ProjectionAdmin.ProjectionStatus> list() {
        return admin.statuses();
    }

    @GetMapping("/{name}")
    ProjectionAdmin.ProjectionStatus get(@PathVariable String name) {
        return admin.status(name).orElseThrow(() -> new NotFoundException("No projection " + name));
    }

    /** 202: the rebuild runs in the background; follow it at the Location. */
    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Empties the projection's tables and replays the event store into them, in the background; "
            + "the trust reads that depend on it answer 503 until it has caught up")
    ResponseEntity<ProjectionAdmin.ProjectionStatus> rebuild(@PathVariable String name) {
        if (!admin.rebuild(name)) {
            throw new NotFoundException("No projection " + name);
        }
        return ResponseEntity.accepted().location(URI.create("/v2/admin/projections/" + name))
                .body(admin.status(name).orElseThrow());
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The events the projection parked in its dead-letter queue, by sequence (404: it has none)")
    List<DeadLetters.Sequence> deadLetters(@PathVariable String name) {
        return deadLetters.list(name).orElseThrow(() -> noDeadLetterQueue(name));
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Retries every parked sequence in order; letters that fail again stay parked")
    DeadLetters.Retried retryDeadLetters(@PathVariable String name) {
        return deadLetters.retry(name).orElseThrow(() -> noDeadLetterQueue(name));
    }

    @DeleteMapping("/{name}/dead-letters/{sequence}")
    @Operation(summary = "Evicts a parked sequence for good: the projection will never process those events")
    Map<String, Integer> evictDeadLetters(@PathVariable String name, @PathVariable String sequence) {
        int evicted = deadLetters.evict(name, sequence).orElseThrow(() -> noDeadLetterQueue(name));
        if (evicted == 0) {
            throw new NotFoundException("No parked sequence " + sequence + " in " + name);
        }
        return Map.of("evicted", evicted);
    }

    private static NotFoundException noDeadLetterQueue(String name) {
        return new NotFoundException("No projection " + name + " with a dead-letter queue");
    }
}
