package org.trustregistry.query.issuer;

import org.trustregistry.query.accreditation.AccreditationRepositories;

interface IssuerRepository extends AccreditationRepositories.Entities<IssuerView> {
}
