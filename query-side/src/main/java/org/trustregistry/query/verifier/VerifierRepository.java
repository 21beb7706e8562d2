package org.trustregistry.query.verifier;

import org.trustregistry.query.accreditation.AccreditationRepositories;

interface VerifierRepository extends AccreditationRepositories.Entities<VerifierView> {
}
