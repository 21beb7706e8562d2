package org.trustregistry.command.accreditation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.events.accreditation.EntityProfileEvent;
import org.trustregistry.shared.ValidityWindow;

/** The descriptive part of an issuer or verifier: everything an operator may change after registration. */
public record EntityProfile(String name, UUID trustFrameworkId, List<String> jurisdictions, List<String> contexts,
                            String accreditationLevel, Instant validFrom, Instant validUntil, String endpoint,
                            Map<String, Object> metadata) {

    public EntityProfile {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        metadata = metadata == null ? Map.of() : metadata;
        validFrom = Validation.toMicros(validFrom);
        validUntil = Validation.toMicros(validUntil);
    }

    /** The profile an event states. */
    static EntityProfile of(EntityProfileEvent event) {
        return new EntityProfile(event.name(), event.trustFrameworkId(), event.jurisdictions(), event.contexts(),
                event.accreditationLevel(), event.validFrom(), event.validUntil(), event.endpoint(), event.metadata());
    }

    void validate() {
        if (name == null || name.isBlank()) {
            throw new InvalidCommandException("name", "the name is required");
        }
        Validation.requireWindow(validFrom, validUntil);
    }

    ValidityWindow window() {
        return new ValidityWindow(validFrom, validUntil);
    }

    EntityProfile validUntil(Instant newValidUntil) {
        return new EntityProfile(name, trustFrameworkId, jurisdictions, contexts, accreditationLevel, validFrom,
                newValidUntil, endpoint, metadata);
    }
}
