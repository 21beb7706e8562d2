package org.trustregistry.query.issuer;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.accreditation.AccreditedEntityQueries;
import org.trustregistry.query.trqp.EntityHistory;
import org.trustregistry.shared.EntityType;

@RestController
@RequestMapping("/v2/issuers")
class IssuerQueryController extends AccreditedEntityQueries<IssuerView, IssuerCredentialTypeView> {

    IssuerQueryController(IssuerRepository issuers, IssuerCredentialTypeRepository grants, EntityHistory history) {
        super(EntityType.ISSUER, IssuerCredentialTypeView.class, issuers, grants, history);
    }
}
