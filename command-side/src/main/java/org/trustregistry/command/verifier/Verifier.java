package org.trustregistry.command.verifier;

import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.accreditation.AccreditationEvents;
import org.trustregistry.command.accreditation.AccreditedEntity;

/** A verifier of credentials in one registry, recording verifier events; the rules are in {@link AccreditedEntity}. */
@Aggregate
public class Verifier extends AccreditedEntity {

    public Verifier() {
        super(AccreditationEvents.VERIFIER);
    }
}
