package org.trustregistry.query.framework;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.trustregistry.events.framework.TrustFrameworkCreated;
import org.trustregistry.events.framework.TrustFrameworkStatusChanged;
import org.trustregistry.events.framework.TrustFrameworkUpdated;
import org.trustregistry.query.common.NotFoundException;

/** Projects trust frameworks into trust_frameworks. */
@Component
@ProcessingGroup(TrustFrameworkProjection.NAME)
public class TrustFrameworkProjection {

    public static final String NAME = "trust-frameworks";

    private final TrustFrameworkRepository frameworks;

    TrustFrameworkProjection(TrustFrameworkRepository frameworks) {
        this.frameworks = frameworks;
    }

    @EventHandler
    void on(TrustFrameworkCreated event, @SequenceNumber long sequence) {
        TrustFrameworkView view = new TrustFrameworkView(event.frameworkId(), event.createdAt());
        view.describe(event.name(), event.frameworkVersion(), event.description(), event.governanceFrameworkUrl(),
                event.legalAgreements(), event.jurisdictions(), event.contexts());
        view.touched(event.createdAt(), sequence);
        frameworks.insert(view);
    }

    @EventHandler
    void on(TrustFrameworkUpdated event, @SequenceNumber long sequence) {
        TrustFrameworkView view = find(event.frameworkId());
        view.describe(event.name(), event.frameworkVersion(), event.description(), event.governanceFrameworkUrl(),
                event.legalAgreements(), event.jurisdictions(), event.contexts());
        view.touched(event.updatedAt(), sequence);
    }

    @EventHandler
    void on(TrustFrameworkStatusChanged event, @SequenceNumber long sequence) {
        TrustFrameworkView view = find(event.frameworkId());
        view.status(event.newStatus().name(), event.reason());
        view.touched(event.effectiveAt(), sequence);
    }

    @ResetHandler
    void reset() {
        frameworks.deleteAllInBatch();
    }

    private TrustFrameworkView find(UUID id) {
        return frameworks.findById(id).orElseThrow(() -> new NotFoundException("framework " + id + " not projected"));
    }
}
