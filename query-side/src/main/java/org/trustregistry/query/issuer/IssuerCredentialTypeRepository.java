package org.trustregistry.query.issuer;

import org.trustregistry.query.accreditation.AccreditationRepositories;

interface IssuerCredentialTypeRepository extends AccreditationRepositories.Grants<IssuerCredentialTypeView> {
}
