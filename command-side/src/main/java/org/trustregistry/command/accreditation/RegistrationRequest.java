package org.trustregistry.command.accreditation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.command.common.StorableJson;
import org.trustregistry.shared.Did;

/** POST /v2/issuers and POST /v2/verifiers: the DID, the registry, the profile and the first credential types. */
public record RegistrationRequest(@NotBlank @Size(max = Did.MAX_LENGTH) String did, @NotNull UUID registryId,
                                  @NotBlank @Size(max = 200) String name, UUID trustFrameworkId,
                                  @Size(max = 100) List<@NotBlank @Size(max = 100) String> jurisdictions,
                                  @Size(max = 100) List<@NotBlank @Size(max = 500) String> contexts,
                                  @Size(max = 100) String accreditationLevel, Instant validFrom, Instant validUntil,
                                  @Size(max = 2000) String endpoint, @StorableJson Map<String, Object> metadata,
                                  @Size(max = 100) List<@NotNull UUID> credentialTypes) {

    public EntityProfile toProfile() {
        return new EntityProfile(name, trustFrameworkId, jurisdictions, contexts, accreditationLevel, validFrom,
                validUntil, endpoint, metadata);
    }
}
