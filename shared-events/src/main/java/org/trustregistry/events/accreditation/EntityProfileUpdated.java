package org.trustregistry.events.accreditation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.shared.EntityType;

/** The new profile of an issuer or verifier (everything but its DID, registry and status). */
public interface EntityProfileUpdated {

    EntityType entityType();

    UUID entityId();

    String did();

    UUID registryId();

    String name();

    UUID trustFrameworkId();

    List<String> jurisdictions();

    List<String> contexts();

    String accreditationLevel();

    Instant validFrom();

    Instant validUntil();

    String endpoint();

    Map<String, Object> metadata();

    String actor();

    Instant updatedAt();
}
