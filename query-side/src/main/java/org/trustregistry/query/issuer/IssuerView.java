package org.trustregistry.query.issuer;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.trustregistry.query.accreditation.AccreditedEntityView;

/** A row of issuers. */
@Entity
@Table(name = "issuers")
public class IssuerView extends AccreditedEntityView {
}
