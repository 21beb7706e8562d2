package org.trustregistry.server.health;

import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.trustregistry.query.admin.ProjectionMonitor;

/**
 * Readiness, one component per projection, so that it names the one that is failing, stopped or unknown
 * (the store did not answer): such a node serves no trust read. A projection behind or being rebuilt is
 * UP here — the node still takes writes, and the trust reads that depend on it refuse (503) on their own
 * until it has caught up. The reasons are for operators, at {@code GET /v2/admin/projections}.
 */
@Component("projections")
class ProjectionsHealthIndicator implements CompositeHealthContributor {

    private final ProjectionMonitor monitor;

    ProjectionsHealthIndicator(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return monitor.health(name).isPresent() ? indicator(name) : null;
    }

    @Override
    public Stream<Entry> stream() {
        return monitor.health().stream().map(h -> new Entry(h.name(), indicator(h.name())));
    }

    private HealthIndicator indicator(String name) {
        return () -> monitor.health(name).map(projection -> {
            boolean broken = switch (projection.state()) {
                case FAILING, STOPPED, UNKNOWN -> true;
                default -> false;
            };
            return (broken ? Health.down() : Health.up()).withDetail("state", projection.state())
                    .withDetail("reason", projection.reason()).build();
        }).orElseGet(() -> Health.unknown().build());
    }
}
