package org.trustregistry.query.verifier;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.query.accreditation.AccreditedEntityView;

/** A row of verifiers. */
@Entity
@Table(name = "verifiers")
public class VerifierView extends AccreditedEntityView {

    protected VerifierView() {
    }

    VerifierView(EntityRegistered event, long version) {
        super(event, version);
    }
}
