package org.trustregistry.query.issuer;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.accreditation.AccreditedEntityQueries;

@RestController
@RequestMapping("/v2/issuers")
class IssuerQueryController extends AccreditedEntityQueries<IssuerView, IssuerCredentialTypeView> {

    IssuerQueryController(IssuerRepository issuers, IssuerCredentialTypeRepository grants) {
        super("issuer", IssuerCredentialTypeView.class, issuers, grants);
    }
}
