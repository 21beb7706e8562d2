package org.trustregistry.command.verifier;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.accreditation.AccreditedEntityState;
import org.trustregistry.command.accreditation.CredentialTypeRequest;
import org.trustregistry.command.accreditation.ProfileRequest;
import org.trustregistry.command.accreditation.RegistrationRequest;
import org.trustregistry.command.accreditation.StatusRequest;
import org.trustregistry.command.common.CommandSender;

@RestController
@RequestMapping("/v2/verifiers")
class VerifierCommandController {

    private final CommandSender commands;

    VerifierCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AccreditedEntityState> register(@Valid @RequestBody RegistrationRequest r) {
        UUID id = UUID.randomUUID();
        return commands.create(new RegisterVerifier(id, r.did(), r.registryId(), r.toProfile(), r.credentialTypes()), id);
    }

    @PutMapping("/{id}")
    AccreditedEntityState update(@PathVariable UUID id, @Valid @RequestBody ProfileRequest request) {
        return commands.send(new UpdateVerifierProfile(id, request.toProfile()));
    }

    @PatchMapping("/{id}/status")
    AccreditedEntityState changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return commands.send(new ChangeVerifierStatus(id, request.status(), request.reason(), request.validUntil()));
    }

    @PostMapping("/{id}/credential-types")
    AccreditedEntityState authorize(@PathVariable UUID id, @Valid @RequestBody CredentialTypeRequest request) {
        return commands.send(new AuthorizeVerifierCredentialType(id, request.schemaId()));
    }

    @DeleteMapping("/{id}/credential-types/{schemaId}")
    AccreditedEntityState withdraw(@PathVariable UUID id, @PathVariable UUID schemaId,
                                   @RequestParam(required = false) @Size(max = 2000) String reason) {
        return commands.send(new WithdrawVerifierCredentialType(id, schemaId, reason));
    }
}
