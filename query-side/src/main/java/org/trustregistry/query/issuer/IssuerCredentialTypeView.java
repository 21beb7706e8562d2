package org.trustregistry.query.issuer;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.trustregistry.query.accreditation.CredentialTypeGrantView;

/** A row of issuer_credential_types. */
@Entity
@Table(name = "issuer_credential_types")
@IdClass(CredentialTypeGrantView.Key.class)
@AttributeOverride(name = "entityId", column = @Column(name = "issuer_id"))
public class IssuerCredentialTypeView extends CredentialTypeGrantView {
}
