package org.trustregistry.query.verifier;

import org.trustregistry.query.accreditation.AccreditationRepositories;
import org.trustregistry.query.common.Inserts;

public interface VerifierCredentialTypeRepository extends AccreditationRepositories.Grants<VerifierCredentialTypeView>,
        Inserts<VerifierCredentialTypeView> {
}
