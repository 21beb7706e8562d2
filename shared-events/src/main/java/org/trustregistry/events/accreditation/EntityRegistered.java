package org.trustregistry.events.accreditation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.shared.EntityType;

/** What the registration events of issuers and verifiers have in common. */
public interface EntityRegistered {

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

    Instant registeredAt();
}
