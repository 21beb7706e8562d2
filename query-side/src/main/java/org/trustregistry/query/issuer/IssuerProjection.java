package org.trustregistry.query.issuer;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.query.accreditation.AccreditedEntityProjection;
import org.trustregistry.shared.EntityType;

/** Projects issuers into issuers and issuer_credential_types. */
@Component
@ProcessingGroup(IssuerProjection.NAME)
public class IssuerProjection extends AccreditedEntityProjection<IssuerView, IssuerCredentialTypeView> {

    public static final String NAME = "issuers";

    IssuerProjection(IssuerRepository issuers, IssuerCredentialTypeRepository grants) {
        super(EntityType.ISSUER, issuers, grants);
    }

    @Override
    protected IssuerView newView(EntityRegistered event, long version) {
        return new IssuerView(event, version);
    }

    @Override
    protected IssuerCredentialTypeView newGrant(CredentialTypeAuthorized event) {
        return new IssuerCredentialTypeView(event);
    }
}
