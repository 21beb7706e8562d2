package org.trustregistry.command.delegation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.command.common.StorableJson;

@RestController
@RequestMapping("/v2/issuers/{issuerId}/delegations")
class DelegationCommandController {

    record GrantRequest(@NotNull UUID delegateIssuerId, @NotNull @Size(min = 1, max = 100) List<@NotNull UUID> credentialTypes,
                        @Size(max = 100) List<@Size(max = 100) String> jurisdictions,
                        @Size(max = 100) List<@Size(max = 500) String> contexts, Instant validFrom, Instant validUntil,
                        @StorableJson Map<String, Object> proof) {
    }

    private final CommandSender commands;

    DelegationCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DelegationState> grant(@PathVariable UUID issuerId, @Valid @RequestBody GrantRequest r) {
        UUID id = UUID.randomUUID();
        return commands.create(new GrantDelegation(id, issuerId, r.delegateIssuerId(), r.credentialTypes(),
                r.jurisdictions(), r.contexts(), r.validFrom(), r.validUntil(), r.proof()), id);
    }

    @DeleteMapping("/{delegationId}")
    DelegationState revoke(@PathVariable UUID issuerId, @PathVariable UUID delegationId,
                           @RequestParam(required = false) @Size(max = 2000) String reason) {
        return commands.send(new RevokeDelegation(delegationId, issuerId, reason));
    }
}
