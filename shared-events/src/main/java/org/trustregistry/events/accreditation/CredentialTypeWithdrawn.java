package org.trustregistry.events.accreditation;

import java.time.Instant;
import java.util.UUID;
import org.trustregistry.shared.EntityType;

/** An issuer or verifier stopped being authorized for a credential type, from {@code effectiveAt}. */
public interface CredentialTypeWithdrawn {

    EntityType entityType();

    UUID entityId();

    String did();

    UUID registryId();

    UUID schemaId();

    String credentialType();

    String reason();

    String actor();

    Instant effectiveAt();
}
