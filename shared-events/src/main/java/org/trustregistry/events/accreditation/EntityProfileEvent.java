package org.trustregistry.events.accreditation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An event that states the whole profile of an issuer or verifier: its registration, or a profile update. */
public interface EntityProfileEvent extends EntityEvent {

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
}
