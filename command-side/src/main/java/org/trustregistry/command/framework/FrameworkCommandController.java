package org.trustregistry.command.framework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.shared.TrustFrameworkStatus;
import org.trustregistry.shared.FreeText;

@RestController
@RequestMapping("/v2/trust-frameworks")
class FrameworkCommandController {

    record FrameworkRequest(@NotBlank @Size(max = 200) String name, @Size(max = 50) String version,
                            @Size(max = 4000) @FreeText String description, @Size(max = 2000) String governanceFrameworkUrl,
                            @Size(max = 100) List<@NotBlank @Size(max = 2000) String> legalAgreements,
                            @Size(max = 100) List<@NotBlank @Size(max = 100) String> jurisdictions,
                            @Size(max = 100) List<@NotBlank @Size(max = 500) String> contexts) {
    }

    record StatusRequest(@NotNull TrustFrameworkStatus status, @Size(max = 2000) @FreeText String reason) {
    }

    private final CommandSender commands;

    FrameworkCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TrustFrameworkState> create(@Valid @RequestBody FrameworkRequest r) {
        UUID id = UUID.randomUUID();
        return commands.create(new CreateTrustFramework(id, r.name(), r.version(), r.description(),
                r.governanceFrameworkUrl(), r.legalAgreements(), r.jurisdictions(), r.contexts()), id);
    }

    @PutMapping("/{id}")
    TrustFrameworkState update(@PathVariable UUID id, @Valid @RequestBody FrameworkRequest r) {
        return commands.send(new UpdateTrustFramework(id, r.name(), r.version(), r.description(),
                r.governanceFrameworkUrl(), r.legalAgreements(), r.jurisdictions(), r.contexts()));
    }

    @PatchMapping("/{id}/status")
    TrustFrameworkState changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return commands.send(new ChangeTrustFrameworkStatus(id, request.status(), request.reason()));
    }
}
