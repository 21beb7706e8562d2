package org.trustregistry.command.accreditation;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.shared.EntityType;

/** The write endpoints issuers and verifiers share; the subclasses give the path and the kind. */
public abstract class AccreditedEntityCommandController {

    private final EntityType type;
    private final CommandSender commands;

    protected AccreditedEntityCommandController(EntityType type, CommandSender commands) {
        this.type = type;
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AccreditedEntityState> register(@Valid @RequestBody RegistrationRequest r) {
        UUID id = UUID.randomUUID();
        return commands.create(new RegisterEntity(type, id, r.did(), r.registryId(), r.toProfile(),
                r.credentialTypes()), id);
    }

    @PutMapping("/{id}")
    public AccreditedEntityState update(@PathVariable UUID id, @Valid @RequestBody ProfileRequest request) {
        return commands.send(new UpdateEntityProfile(type, id, request.toProfile()));
    }

    @PatchMapping("/{id}/status")
    public AccreditedEntityState changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return commands.send(new ChangeEntityStatus(type, id, request.status(), request.reason(),
                request.validUntil()));
    }

    @PostMapping("/{id}/credential-types")
    public AccreditedEntityState authorize(@PathVariable UUID id, @Valid @RequestBody CredentialTypeRequest request) {
        return commands.send(new AuthorizeCredentialType(type, id, request.schemaId()));
    }

    @DeleteMapping("/{id}/credential-types/{schemaId}")
    public AccreditedEntityState withdraw(@PathVariable UUID id, @PathVariable UUID schemaId,
                                          @RequestParam(required = false) @Size(max = 2000) String reason) {
        return commands.send(new WithdrawCredentialType(type, id, schemaId, reason));
    }
}
