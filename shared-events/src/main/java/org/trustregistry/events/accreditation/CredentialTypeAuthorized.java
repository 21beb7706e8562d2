package org.trustregistry.events.accreditation;

import java.time.Instant;
import java.util.UUID;
import org.trustregistry.shared.EntityType;

/** An issuer or verifier became authorized for a credential type, from {@code effectiveAt}. */
public interface CredentialTypeAuthorized {

    EntityType entityType();

    UUID entityId();

    String did();

    UUID registryId();

    UUID schemaId();

    String credentialType();

    String actor();

    Instant effectiveAt();
}
