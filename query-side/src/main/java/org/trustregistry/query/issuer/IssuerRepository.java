package org.trustregistry.query.issuer;

import org.trustregistry.query.accreditation.AccreditationRepositories;
import org.trustregistry.query.common.Inserts;

public interface IssuerRepository extends AccreditationRepositories.Entities<IssuerView>,
        Inserts<IssuerView> {
}
