package org.trustregistry.query.verifier;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.trustregistry.query.accreditation.CredentialTypeGrantView;

/** A row of verifier_credential_types. */
@Entity
@Table(name = "verifier_credential_types")
@IdClass(CredentialTypeGrantView.Key.class)
@AttributeOverride(name = "entityId", column = @Column(name = "verifier_id"))
public class VerifierCredentialTypeView extends CredentialTypeGrantView {
}
