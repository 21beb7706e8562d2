package org.trustregistry.query.verifier;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.accreditation.AccreditedEntityQueries;
import org.trustregistry.query.trqp.EntityHistory;
import org.trustregistry.shared.EntityType;

@RestController
@RequestMapping("/v2/verifiers")
class VerifierQueryController extends AccreditedEntityQueries<VerifierView, VerifierCredentialTypeView> {

    VerifierQueryController(VerifierRepository verifiers, VerifierCredentialTypeRepository grants, EntityHistory history) {
        super(EntityType.VERIFIER, VerifierCredentialTypeView.class, verifiers, grants, history);
    }
}
