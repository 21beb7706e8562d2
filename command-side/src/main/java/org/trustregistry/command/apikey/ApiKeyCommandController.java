package org.trustregistry.command.apikey;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.shared.FreeText;

/**
 * Issues, rotates and revokes API keys. The secret is made here, shown in this one answer and never
 * stored: the command and its event carry only its prefix and keyed hash. A retry of an issue or a
 * rotation under the same Idempotency-Key replays the key's state without the secret (the remembered
 * answer is the command's result, which never had it).
 */
@RestController
@RequestMapping("/v2/api-keys")
class ApiKeyCommandController {

    record IssueRequest(@NotBlank @Size(max = 200) String name,
                        @NotBlank @Pattern(regexp = "admin|registry_owner|auditor",
                                message = "must be one of admin, registry_owner, auditor") String role,
                        UUID registryId, Instant expiresAt) {
    }

    record RotateRequest(@Size(max = 40) String gracePeriod) {
    }

    /** The answer to an issue or a rotation: the key's state and, this once, its secret. */
    record IssuedKey(@JsonUnwrapped ApiKeyState state, String key) {
    }

    private final CommandSender commands;
    private final ApiKeySecrets secrets;
    private final ApiKeyCatalog catalog;

    ApiKeyCommandController(CommandSender commands, ApiKeySecrets secrets, ApiKeyCatalog catalog) {
        this.commands = commands;
        this.secrets = secrets;
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedKey> issue(@Valid @RequestBody IssueRequest r) {
        UUID id = UUID.randomUUID();
        String secret = secrets.newSecret();
        ResponseEntity<ApiKeyState> created = commands.create(new IssueApiKey(id, r.name(), r.role(), r.registryId(),
                r.expiresAt(), ApiKeySecrets.prefixOf(secret), secrets.hash(secret)), id);
        return ResponseEntity.status(created.getStatusCode()).headers(created.getHeaders())
                .body(new IssuedKey(created.getBody(), secret));
    }

    @PostMapping("/{id}/rotate")
    IssuedKey rotate(@PathVariable UUID id, @Valid @RequestBody(required = false) RotateRequest r) {
        Duration grace = r == null || r.gracePeriod() == null ? Duration.ZERO : duration(r.gracePeriod());
        String secret = secrets.newSecret();
        ApiKeyState state = commands.send(new RotateApiKey(id, grace, ApiKeySecrets.prefixOf(secret),
                secrets.hash(secret)));
        return new IssuedKey(state.withLastUsedAt(catalog.lastUsedAt(id)), secret);
    }

    @DeleteMapping("/{id}")
    ApiKeyState revoke(@PathVariable UUID id,
                       @RequestParam(required = false) @Size(max = 2000) @FreeText String reason) {
        ApiKeyState state = commands.send(new RevokeApiKey(id, reason));
        return state.withLastUsedAt(catalog.lastUsedAt(id));
    }

    private static Duration duration(String text) {
        if (!text.matches("P(\\d{1,3}D)?(T(\\d{1,6}H)?(\\d{1,8}M)?(\\d{1,10}S)?)?") || text.equals("P")
                || text.endsWith("T")) {
            throw new InvalidCommandException("gracePeriod", "must be an ISO 8601 duration such as PT24H or P7D");
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidCommandException("gracePeriod", "must be an ISO 8601 duration such as PT24H or P7D");
        }
    }
}
