package org.trustregistry.events.accreditation;

import java.time.Instant;
import java.util.UUID;

/** An issuer or verifier stopped being authorized for a credential type, from {@code effectiveAt}. */
public interface CredentialTypeWithdrawn extends EntityEvent {

    UUID schemaId();

    String credentialType();

    String reason();

    String actor();

    Instant effectiveAt();
}
