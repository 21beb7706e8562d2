package org.trustregistry.command.accreditation;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** POST …/credential-types: the schema whose credential type to authorize. */
public record CredentialTypeRequest(@NotNull UUID schemaId) {
}
