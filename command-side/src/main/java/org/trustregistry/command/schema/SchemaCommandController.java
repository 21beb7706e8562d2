package org.trustregistry.command.schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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
import org.trustregistry.command.common.StorableJson;
import org.trustregistry.shared.AuthorizationMode;
import org.trustregistry.shared.SchemaStatus;
import org.trustregistry.shared.FreeText;

@RestController
@RequestMapping("/v2/schemas")
class SchemaCommandController {

    record RegisterRequest(@NotNull UUID registryId, UUID trustFrameworkId, @NotBlank @Size(max = 200) String name,
                           @Size(max = 50) String version, @NotBlank @Size(max = 500) String type,
                           @NotNull @StorableJson Map<String, Object> jsonSchema,
                           @Size(max = 100) List<@NotBlank @Size(max = 500) String> contexts,
                           @Size(max = 100) List<@NotBlank @Size(max = 100) String> jurisdictions,
                           AuthorizationMode issuerMode, AuthorizationMode verifierMode) {
    }

    record UpdateRequest(UUID trustFrameworkId, @NotBlank @Size(max = 200) String name,
                         @Size(max = 50) String version, @Size(max = 500) String type,
                         @NotNull @StorableJson Map<String, Object> jsonSchema,
                         @Size(max = 100) List<@NotBlank @Size(max = 500) String> contexts,
                         @Size(max = 100) List<@NotBlank @Size(max = 100) String> jurisdictions,
                         AuthorizationMode issuerMode, AuthorizationMode verifierMode) {
    }

    record StatusRequest(@NotNull SchemaStatus status, @Size(max = 2000) @FreeText String reason) {
    }

    private final CommandSender commands;

    SchemaCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CredentialSchemaState> register(@Valid @RequestBody RegisterRequest r) {
        UUID id = UUID.randomUUID();
        return commands.create(new RegisterCredentialSchema(id, r.registryId(), r.trustFrameworkId(), r.name(),
                r.version(), r.type(), r.jsonSchema(), r.contexts(), r.jurisdictions(), r.issuerMode(),
                r.verifierMode()), id);
    }

    @PutMapping("/{id}")
    CredentialSchemaState update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest r) {
        return commands.send(new UpdateCredentialSchema(id, r.trustFrameworkId(), r.name(), r.version(), r.type(),
                r.jsonSchema(), r.contexts(), r.jurisdictions(), r.issuerMode(), r.verifierMode()));
    }

    @PatchMapping("/{id}/status")
    CredentialSchemaState changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return commands.send(new ChangeCredentialSchemaStatus(id, request.status(), request.reason()));
    }
}
