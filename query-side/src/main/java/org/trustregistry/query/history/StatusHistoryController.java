package org.trustregistry.query.history;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.shared.EntityType;

/** Every status transition of an issuer or verifier, oldest first. */
@RestController
class StatusHistoryController {

    private final StatusHistoryRepository history;

    StatusHistoryController(StatusHistoryRepository history) {
        this.history = history;
    }

    @GetMapping("/v2/issuers/{id}/status-history")
    List<StatusHistoryView> issuer(@PathVariable UUID id) {
        return of(EntityType.ISSUER, id);
    }

    @GetMapping("/v2/verifiers/{id}/status-history")
    List<StatusHistoryView> verifier(@PathVariable UUID id) {
        return of(EntityType.VERIFIER, id);
    }

    private List<StatusHistoryView> of(EntityType type, UUID id) {
        List<StatusHistoryView> rows = history.findByEntityTypeAndEntityIdOrderBySequenceNumber(type.name(), id);
        if (rows.isEmpty()) { // every entity has at least its registration row
            throw new NotFoundException("No " + type.name().toLowerCase() + " " + id);
        }
        return rows;
    }
}
