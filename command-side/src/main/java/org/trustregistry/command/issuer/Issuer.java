package org.trustregistry.command.issuer;

import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.accreditation.AccreditationEvents;
import org.trustregistry.command.accreditation.AccreditedEntity;

/** An issuer of credentials in one registry, recording issuer events; the rules are in {@link AccreditedEntity}. */
@Aggregate
public class Issuer extends AccreditedEntity {

    public Issuer() {
        super(AccreditationEvents.ISSUER);
    }
}
