package org.trustregistry.query.delegation;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.trustregistry.events.delegation.DelegationGranted;
import org.trustregistry.events.delegation.DelegationLapsed;
import org.trustregistry.events.delegation.DelegationRevoked;
import org.trustregistry.query.common.NotFoundException;

/** Projects delegations into issuer_delegations. */
@Component
@ProcessingGroup(IssuerDelegationProjection.NAME)
public class IssuerDelegationProjection {

    public static final String NAME = "issuer-delegations";

    private final IssuerDelegationRepository delegations;

    IssuerDelegationProjection(IssuerDelegationRepository delegations) {
        this.delegations = delegations;
    }

    @EventHandler
    void on(DelegationGranted event, @SequenceNumber long sequence) {
        delegations.insert(new IssuerDelegationView(event, sequence));
    }

    @EventHandler
    void on(DelegationRevoked event, @SequenceNumber long sequence) {
        find(event.delegationId()).end("REVOKED", event.reason(), event.effectiveAt(), sequence);
    }

    @EventHandler
    void on(DelegationLapsed event, @SequenceNumber long sequence) {
        find(event.delegationId()).end("LAPSED", event.reason(), event.effectiveAt(), sequence);
    }

    @ResetHandler
    void reset() {
        delegations.deleteAllInBatch();
    }

    private IssuerDelegationView find(UUID id) {
        return delegations.findById(id).orElseThrow(() -> new NotFoundException("delegation " + id + " not projected"));
    }
}
