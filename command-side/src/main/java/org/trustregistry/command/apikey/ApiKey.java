package org.trustregistry.command.apikey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.common.access.Actor;
import org.trustregistry.events.apikey.ApiKeyExpired;
import org.trustregistry.events.apikey.ApiKeyIssued;
import org.trustregistry.events.apikey.ApiKeyRevoked;
import org.trustregistry.events.apikey.ApiKeyRotated;
import org.trustregistry.shared.MessageMetadata;

/**
 * An API key: issued with a role (and, for a registry owner, its registry), revoked, rotated, expired.
 * Created by {@link ApiKeyIssuance}. The secret itself never reaches the aggregate, only its keyed hash, which
 * goes to the {@link ApiKeySecretStore} and into no event.
 */
@Aggregate
public class ApiKey {

    /** The longest grace period a rotation may give the replaced secret. */
    static final Duration MAX_GRACE = Duration.ofDays(30);

    @AggregateIdentifier
    private UUID id;
    private String name;
    private String role;
    private UUID registryId;
    private String prefix;
    private Instant createdAt;
    private String createdBy;
    private Instant expiresAt;
    private Instant rotatedAt;
    private Instant previousSecretValidUntil;
    private Instant revokedAt;
    private String revokedBy;
    private String revokeReason;
    private boolean expiryRecorded;

    protected ApiKey() {
    }

    ApiKey(IssueApiKey command, String actor, Instant now) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommandException("name", "the name is required");
        }
        if (!isKeyRole(command.role())) {
            throw new InvalidCommandException("role", "must be one of admin, registry_owner, auditor");
        }
        boolean owner = Actor.Role.REGISTRY_OWNER.value().equals(command.role());
        if (owner && command.registryId() == null) {
            throw new InvalidCommandException("registryId", "a registry_owner key needs the registry it owns");
        }
        if (!owner && command.registryId() != null) {
            throw new InvalidCommandException("registryId", "only a registry_owner key belongs to a registry");
        }
        Instant expiresAt = Validation.toMicros(command.expiresAt());
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidCommandException("expiresAt", "must be in the future");
        }
        apply(new ApiKeyIssued(command.keyId(), command.name(), command.role(), command.registryId(),
                command.keyPrefix(), expiresAt, actor, now));
    }

    /** A role a key can have: any the command side knows but the registry's own ({@code system}). */
    static boolean isKeyRole(String role) {
        return Actor.Role.of(role).filter(r -> r != Actor.Role.SYSTEM).isPresent();
    }

    @CommandHandler
    ApiKeyState handle(RevokeApiKey command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        if (revokedAt != null) {
            throw new IllegalTransitionException("API key " + id, "REVOKED", "REVOKED");
        }
        Instant now = Validation.toMicros(clock.instant());
        apply(new ApiKeyRevoked(id, command.reason(), Validation.actorOrSystem(actor), now));
        return state(now);
    }

    @CommandHandler
    ApiKeyState handle(RotateApiKey command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock,
                       ApiKeySecretStore secrets) {
        Instant now = Validation.toMicros(clock.instant());
        String status = ApiKeyState.status(now, expiresAt, revokedAt);
        if (!status.equals("ACTIVE")) {
            throw new IllegalTransitionException("API key " + id, status, "a new secret");
        }
        Duration grace = command.gracePeriod() == null ? Duration.ZERO : command.gracePeriod();
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new InvalidCommandException("gracePeriod", "must be between PT0S and P30D");
        }
        Instant previousValidUntil = Validation.toMicros(now.plus(grace));
        if (expiresAt != null && previousValidUntil.isAfter(expiresAt)) {
            previousValidUntil = expiresAt; // the key's own end ends every secret of it
        }
        apply(new ApiKeyRotated(id, command.keyPrefix(), previousValidUntil, Validation.actorOrSystem(actor), now));
        secrets.rotate(id, command.secretHash(), previousValidUntil);
        return state(now);
    }

    @CommandHandler
    void handle(ExpireApiKey command, Clock clock) {
        if (revokedAt != null || expiryRecorded) {
            throw new RuleViolationException("API key " + id + " has already ended");
        }
        if (expiresAt == null || expiresAt.isAfter(clock.instant())) {
            throw new RuleViolationException("API key " + id + " has not reached its expiresAt");
        }
        apply(new ApiKeyExpired(id, expiresAt));
    }

    ApiKeyState state(Instant now) {
        return new ApiKeyState(id, name, role, registryId, prefix, ApiKeyState.status(now, expiresAt, revokedAt),
                createdAt, createdBy, expiresAt, null, rotatedAt, previousSecretValidUntil, revokedAt, revokedBy,
                revokeReason);
    }

    @EventSourcingHandler
    void on(ApiKeyIssued event) {
        id = event.keyId();
        name = event.name();
        role = event.role();
        registryId = event.registryId();
        prefix = event.keyPrefix();
        createdAt = event.issuedAt();
        createdBy = event.actor();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        revokedAt = event.revokedAt();
        revokedBy = event.actor();
        revokeReason = event.reason();
    }

    @EventSourcingHandler
    void on(ApiKeyRotated event) {
        prefix = event.keyPrefix();
        rotatedAt = event.rotatedAt();
        previousSecretValidUntil = event.previousValidUntil();
    }

    @EventSourcingHandler
    void on(ApiKeyExpired event) {
        expiryRecorded = true;
    }
}
