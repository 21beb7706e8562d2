package org.trustregistry.server.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.trustregistry.query.admin.ProjectionEngine;
import org.trustregistry.query.admin.ProjectionFailureRecorder;
import org.trustregistry.query.admin.ProjectionMonitor;

/**
 * Per projection, for Prometheus: lag in events and in seconds, whether it serves trust reads, how many
 * times its handlers failed, and its parked dead letters. Registered once the processors exist.
 */
@Component
class ProjectionMetrics {

    private final ProjectionMonitor monitor;
    private final ProjectionFailureRecorder failures;
    private final MeterRegistry registry;
    private final ProjectionEngine engine;

    ProjectionMetrics(ProjectionMonitor monitor, ProjectionFailureRecorder failures, MeterRegistry registry,
                      ProjectionEngine engine) {
        this.monitor = monitor;
        this.failures = failures;
        this.registry = registry;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (ProjectionMonitor.Health projection : monitor.health()) {
            String name = projection.name();
            gauge("trust_registry_projection_lag_events", "Events in the store the projection has not processed",
                    name, h -> h.lag());
            gauge("trust_registry_projection_lag_seconds", "How long the oldest unprocessed event has waited",
                    name, ProjectionMonitor.Health::lagSeconds);
            gauge("trust_registry_projection_up", "1 when the projection may serve trust reads, else 0",
                    name, h -> h.state().servesTrustReads() ? 1 : 0);
            gauge("trust_registry_projection_dead_letters", "Events parked in the projection's dead-letter queue",
                    name, h -> h.deadLetters());
            FunctionCounter.builder("trust_registry_projection_errors", failures, f -> f.errorCount(name))
                    .description("Times the projection's handlers failed on an event (each retry counts)")
                    .tag("projection", name).register(registry);
        }
        for (String lane : engine.laneWork().keySet()) {
            lane("trust_registry_projection_lane_batches", "Batches the lane committed (one transaction each)",
                    lane, ProjectionEngine.LaneWork::batches);
            lane("trust_registry_projection_lane_events", "Events in the batches the lane committed", lane,
                    ProjectionEngine.LaneWork::events);
            lane("trust_registry_projection_lane_seconds", "Time the lane spent on the batches it committed", lane,
                    w -> w.nanos() / 1e9);
        }
    }

    private void lane(String metric, String description, String lane,
                      ToDoubleFunction<ProjectionEngine.LaneWork> value) {
        FunctionCounter.builder(metric, engine, e -> value.applyAsDouble(e.laneWork().get(lane)))
                .description(description).tag("lane", lane).register(registry);
    }

    private void gauge(String metric, String description, String name, ToDoubleFunction<ProjectionMonitor.Health> value) {
        Gauge.builder(metric, monitor, m -> m.health(name).map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).tag("projection", name).register(registry);
    }
}
