package org.trustregistry.query.verifier;

import org.trustregistry.query.accreditation.AccreditationRepositories;

interface VerifierCredentialTypeRepository extends AccreditationRepositories.Grants<VerifierCredentialTypeView> {
}
