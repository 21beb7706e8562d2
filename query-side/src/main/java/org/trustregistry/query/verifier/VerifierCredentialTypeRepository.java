package org.trustregistry.query.verifier;

import org.trustregistry.query.accreditation.AccreditationRepositories;

public interface VerifierCredentialTypeRepository extends AccreditationRepositories.Grants<VerifierCredentialTypeView> {
}
