package org.trustregistry.query.verifier;

import org.trustregistry.query.accreditation.AccreditationRepositories;

public interface VerifierRepository extends AccreditationRepositories.Entities<VerifierView> {
}
