package org.trustregistry.query.verifier;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;
import org.trustregistry.query.accreditation.AccreditedEntityProjection;
import org.trustregistry.shared.EntityType;

/** Projects verifiers into verifiers and verifier_credential_types. */
@Component
@ProcessingGroup(VerifierProjection.NAME)
public class VerifierProjection extends AccreditedEntityProjection<VerifierView, VerifierCredentialTypeView> {

    public static final String NAME = "verifiers";

    VerifierProjection(VerifierRepository verifiers, VerifierCredentialTypeRepository grants) {
        super(EntityType.VERIFIER, verifiers, VerifierView::new, grants, VerifierCredentialTypeView::new);
    }
}
