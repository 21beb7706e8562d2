package org.trustregistry.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.NotFoundException;

/** GET /v2/admin/projections and POST /v2/admin/projections/{name}/rebuild. */
@RestController
@RequestMapping("/v2/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Each projection: position, lag behind the event store, caught up or replaying, errors")
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
    @Operation(summary = "Empties the projection's tables and replays the event store into them, in the background")
    ResponseEntity<ProjectionAdmin.ProjectionStatus> rebuild(@PathVariable String name) {
        if (!admin.rebuild(name)) {
            throw new NotFoundException("No projection " + name);
        }
        return ResponseEntity.accepted().location(URI.create("/v2/admin/projections/" + name))
                .body(admin.status(name).orElseThrow());
    }
}
