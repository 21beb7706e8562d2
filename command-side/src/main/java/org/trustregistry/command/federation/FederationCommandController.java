package org.trustregistry.command.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.shared.FederationStatus;
import org.trustregistry.shared.RecognitionScope;
import org.trustregistry.shared.RemoteRegistryType;
import org.trustregistry.shared.Did;
import org.trustregistry.shared.FreeText;

@RestController
@RequestMapping("/v2/registries/{registryId}/federation")
class FederationCommandController {

    record RecognitionRequest(@NotBlank @Size(max = 100) String action, @NotBlank @Size(max = 500) String resource) {
    }

    record EstablishRequest(@NotBlank @Size(max = Did.MAX_LENGTH) String remoteRegistryDid,
                            @Size(max = 200) String remoteRegistryName,
                            @Size(max = 2000) String remoteRegistryEndpoint,
                            @NotBlank @Size(max = 16) String remoteRegistryType,
                            @Size(max = 100) String trustLevel,
                            @Size(max = 2000) String federationAgreementUrl,
                            @NotEmpty @Size(max = 100) List<@NotNull @Valid RecognitionRequest> recognitions,
                            Instant validFrom, Instant validUntil) {
    }

    record StatusRequest(@NotNull FederationStatus status, @Size(max = 2000) @FreeText String reason) {
    }

    private final CommandSender commands;

    FederationCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<FederationConnectionState> establish(@PathVariable UUID registryId,
                                                        @Valid @RequestBody EstablishRequest r) {
        RemoteRegistryType type = RemoteRegistryType.fromWireName(r.remoteRegistryType())
                .orElseThrow(() -> new InvalidCommandException("remoteRegistryType",
                        "must be one of " + RemoteRegistryType.wireNames()));
        UUID id = UUID.randomUUID();
        return commands.create(new EstablishFederationConnection(id, registryId, r.remoteRegistryDid(),
                r.remoteRegistryName(), r.remoteRegistryEndpoint(), type, r.trustLevel(), r.federationAgreementUrl(),
                r.recognitions().stream().map(s -> new RecognitionScope(s.action(), s.resource())).toList(),
                r.validFrom(), r.validUntil()), id);
    }

    @PatchMapping("/{connectionId}/status")
    FederationConnectionState changeStatus(@PathVariable UUID registryId, @PathVariable UUID connectionId,
                                           @Valid @RequestBody StatusRequest request) {
        return commands.send(new ChangeFederationConnectionStatus(connectionId, registryId, request.status(),
                request.reason()));
    }
}
