package org.trustregistry.query.audit;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;
import org.trustregistry.query.common.Rfc3339;

/**
 * The audit log, in event-store order (auditors and admins only): every event, and every refused request
 * ({@code result=DENIED} or {@code REJECTED}, one by one or summarised per client address and window).
 */
@RestController
class AuditLogController {

    private final AuditLogRepository log;

    AuditLogController(AuditLogRepository log) {
        this.log = log;
    }

    @GetMapping("/v2/audit-log")
    PageResponse<AuditLogView> list(@RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String resourceType,
                                    @RequestParam(required = false) String resourceId,
                                    @RequestParam(required = false) String result,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        Specification<AuditLogView> filter = Filters.all(
                Filters.equal("actorId", actor),
                Filters.equal("action", action),
                Filters.equal("resourceType", resourceType),
                Filters.equal("resourceId", resourceId),
                Filters.equal("result", Filters.enumValue("result", result, AuditResult.class)),
                since == null ? null : (root, q, cb) -> cb.greaterThanOrEqualTo(root.get("occurredAt"), since),
                until == null ? null : (root, q, cb) -> cb.lessThan(root.get("occurredAt"), until));
        return PageResponse.of(log.findAll(filter, Paging.of(page, size, Sort.by("globalIndex"))), v -> v);
    }

    private static Instant instant(String parameter, String value) {
        return value == null ? null : Rfc3339.parse(parameter, value);
    }
}
