package org.trustregistry.query.issuer;

import org.trustregistry.query.accreditation.AccreditationRepositories;

public interface IssuerCredentialTypeRepository extends AccreditationRepositories.Grants<IssuerCredentialTypeView> {
}
