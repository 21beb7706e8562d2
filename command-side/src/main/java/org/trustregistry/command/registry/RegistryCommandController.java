package org.trustregistry.command.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.shared.RegistryStatus;
import org.trustregistry.shared.Did;
import org.trustregistry.shared.FreeText;

@RestController
@RequestMapping("/v2/registries")
class RegistryCommandController {

    record CreateRequest(@NotBlank @Size(max = 200) String name, @Size(max = 4000) @FreeText String description,
                         @NotBlank @Size(max = Did.MAX_LENGTH) String ecosystemDid, @Size(max = 500) String governanceAuthority,
                         UUID trustFrameworkId) {
    }

    record UpdateRequest(@NotBlank @Size(max = 200) String name, @Size(max = 4000) @FreeText String description,
                         @Size(max = 500) String governanceAuthority) {
    }

    record StatusRequest(@NotNull RegistryStatus status, @Size(max = 2000) @FreeText String reason) {
    }

    record FrameworkLinkRequest(@NotNull UUID trustFrameworkId) {
    }

    private final CommandSender commands;

    RegistryCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TrustRegistryState> create(@Valid @RequestBody CreateRequest request) {
        UUID id = UUID.randomUUID();
        return commands.create(new CreateTrustRegistry(id, request.name(), request.description(),
                request.ecosystemDid(), request.governanceAuthority(), request.trustFrameworkId()), id);
    }

    @PutMapping("/{id}")
    TrustRegistryState update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
        return commands.send(new UpdateTrustRegistry(id, request.name(), request.description(),
                request.governanceAuthority()));
    }

    @PutMapping("/{id}/trust-framework")
    TrustRegistryState linkFramework(@PathVariable UUID id, @Valid @RequestBody FrameworkLinkRequest request) {
        return commands.send(new LinkTrustRegistryFramework(id, request.trustFrameworkId()));
    }

    @DeleteMapping("/{id}/trust-framework")
    TrustRegistryState unlinkFramework(@PathVariable UUID id) {
        return commands.send(new UnlinkTrustRegistryFramework(id));
    }

    /** Rotates the registry's signing key: entries are signed with the new one from now on. */
    @PostMapping("/{id}/keys/rotate")
    TrustRegistryState rotateKey(@PathVariable UUID id) {
        return commands.send(new RotateRegistrySigningKey(id));
    }

    @PatchMapping("/{id}/status")
    TrustRegistryState changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return commands.send(new ChangeTrustRegistryStatus(id, request.status(), request.reason()));
    }
}
