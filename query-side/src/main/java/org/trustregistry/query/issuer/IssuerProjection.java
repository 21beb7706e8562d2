package org.trustregistry.query.issuer;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;
import org.trustregistry.query.accreditation.AccreditedEntityProjection;
import org.trustregistry.shared.EntityType;

/** Projects issuers into issuers and issuer_credential_types. */
@Component
@ProcessingGroup(IssuerProjection.NAME)
public class IssuerProjection extends AccreditedEntityProjection<IssuerView, IssuerCredentialTypeView> {

    public static final String NAME = "issuers";

    IssuerProjection(IssuerRepository issuers, IssuerCredentialTypeRepository grants) {
        super(EntityType.ISSUER, issuers, IssuerView::new, grants, IssuerCredentialTypeView::new);
    }
}
