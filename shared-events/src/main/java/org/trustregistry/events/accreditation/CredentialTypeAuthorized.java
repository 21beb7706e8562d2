package org.trustregistry.events.accreditation;

import java.time.Instant;
import java.util.UUID;

/** An issuer or verifier became authorized for a credential type, from {@code effectiveAt}. */
public interface CredentialTypeAuthorized extends EntityEvent {

    UUID schemaId();

    String credentialType();

    String actor();

    Instant effectiveAt();
}
