package org.trustregistry.command.framework;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSideCatalogs;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.events.framework.TrustFrameworkCreated;
import org.trustregistry.events.framework.TrustFrameworkStatusChanged;
import org.trustregistry.shared.TrustFrameworkStatus;

/**
 * The command side's table of trust frameworks and their status (framework_catalog), kept in the
 * transaction of the framework's events: what a command needs to check a reference to a framework.
 */
@Component
@ProcessingGroup(CommandSideCatalogs.PROCESSING_GROUP)
public class FrameworkCatalog {

    private final JdbcClient jdbc;

    FrameworkCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TrustFrameworkCreated event) {
        jdbc.sql("INSERT INTO framework_catalog (framework_id, status) VALUES (?, ?)")
                .params(event.frameworkId(), TrustFrameworkStatus.ACTIVE.name()).update();
    }

    @EventHandler
    void on(TrustFrameworkStatusChanged event) {
        jdbc.sql("UPDATE framework_catalog SET status = ? WHERE framework_id = ?")
                .params(event.newStatus().name(), event.frameworkId()).update();
    }

    public Optional<TrustFrameworkStatus> statusOf(UUID frameworkId) {
        return jdbc.sql("SELECT status FROM framework_catalog WHERE framework_id = ?").param(frameworkId)
                .query(String.class).optional().map(TrustFrameworkStatus::valueOf);
    }

    /** A framework may be newly referenced if it exists and is not retired (none at all is fine too). */
    public void requireReferenceable(UUID frameworkId) {
        if (frameworkId == null) {
            return;
        }
        TrustFrameworkStatus status = statusOf(frameworkId)
                .orElseThrow(() -> new UnknownReferenceException("No trust framework " + frameworkId));
        if (status == TrustFrameworkStatus.RETIRED) {
            throw new RuleViolationException("Trust framework " + frameworkId
                    + " is retired and accepts no new references");
        }
    }
}
