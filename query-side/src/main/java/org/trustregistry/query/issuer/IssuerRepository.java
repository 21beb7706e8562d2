package org.trustregistry.query.issuer;

import org.trustregistry.query.accreditation.AccreditationRepositories;

public interface IssuerRepository extends AccreditationRepositories.Entities<IssuerView> {
}
