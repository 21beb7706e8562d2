package org.trustregistry.server.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: DOWN while the database does not answer ({@link DatabaseMonitor}), without asking it again here. */
@Component("database")
class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseMonitor monitor;

    DatabaseHealthIndicator(DatabaseMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        DatabaseMonitor.State state = monitor.state();
        return (state.up() ? Health.up() : Health.down()).withDetail("since", state.since().toString()).build();
    }
}
