package org.trustregistry.query.verifier;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.trustregistry.query.accreditation.AccreditedEntityView;

/** A row of verifiers. */
@Entity
@Table(name = "verifiers")
public class VerifierView extends AccreditedEntityView {
}
