package org.trustregistry.command.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.events.federation.FederationConnectionStatusChanged;
import org.trustregistry.shared.FederationStatus;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.RecognitionScope;
import org.trustregistry.shared.RemoteRegistryType;

/**
 * A registry's recognition of another registry (federation), for some action + resource scopes.
 * Established by {@link FederationConnectionEstablishment}, which checks the registry and claims the
 * remote DID for it.
 */
@Aggregate
public class FederationConnection {

    @AggregateIdentifier
    private UUID id;
    private UUID registryId;
    private String remoteRegistryDid;
    private String remoteRegistryName;
    private String remoteRegistryEndpoint;
    private RemoteRegistryType remoteRegistryType;
    private String trustLevel;
    private String federationAgreementUrl;
    private List<RecognitionScope> recognitions;
    private Instant validFrom;
    private Instant validUntil;
    private FederationStatus status;
    private String statusReason;

    protected FederationConnection() {
    }

    /** {@code registryEcosystemDid}: the DID of the recognizing registry itself, which it cannot federate with. */
    FederationConnection(EstablishFederationConnection command, String registryEcosystemDid, String actor,
                         Instant now) {
        requireValidTerms(command);
        requireOtherRegistry(command, registryEcosystemDid);
        apply(new FederationConnectionEstablished(command.connectionId(), command.registryId(),
                command.remoteRegistryDid(), command.remoteRegistryName(), command.remoteRegistryEndpoint(),
                command.remoteRegistryType(), command.trustLevel(), command.federationAgreementUrl(),
                command.recognitions().stream().distinct().toList(), command.validFrom(), command.validUntil(),
                FederationStatus.ACTIVE, actor, now));
    }

    /** ACTIVE and SUSPENDED alternate, either may be TERMINATED, and a terminated connection stays so. */
    @CommandHandler
    FederationConnectionState handle(ChangeFederationConnectionStatus command,
                                     @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        if (!registryId.equals(command.registryId())) {
            throw new UnknownReferenceException("Registry " + command.registryId() + " has no federation connection "
                    + id);
        }
        if (command.status() == null) {
            throw new InvalidCommandException("status", "the target status is required");
        }
        if (!status.canChangeTo(command.status())) {
            throw new IllegalTransitionException("Federation connection " + id, status, command.status());
        }
        Validation.requireReason(command.reason());
        apply(new FederationConnectionStatusChanged(id, registryId, remoteRegistryDid, status, command.status(),
                command.reason(), Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    FederationConnectionState state() {
        return new FederationConnectionState(id, registryId, remoteRegistryDid, remoteRegistryName,
                remoteRegistryEndpoint, remoteRegistryType.wireName(), trustLevel, federationAgreementUrl,
                recognitions, validFrom, validUntil, status, statusReason);
    }

    /** The content rules of a connection, whatever the registry: a DID, a known type, scopes, URLs, a window. */
    static void requireValidTerms(EstablishFederationConnection command) {
        Validation.requireDid("remoteRegistryDid", command.remoteRegistryDid());
        if (command.remoteRegistryType() == null) {
            throw new InvalidCommandException("remoteRegistryType",
                    "must be one of " + RemoteRegistryType.wireNames());
        }
        if (command.recognitions().isEmpty()) {
            throw new InvalidCommandException("recognitions", "at least one {action, resource} scope is required");
        }
        for (int i = 0; i < command.recognitions().size(); i++) {
            RecognitionScope scope = command.recognitions().get(i);
            if (scope == null || isBlank(scope.action())) {
                throw new InvalidCommandException("recognitions[" + i + "].action", "the action is required");
            }
            if (isBlank(scope.resource())) {
                throw new InvalidCommandException("recognitions[" + i + "].resource", "the resource is required");
            }
        }
        requireHttpUrl("remoteRegistryEndpoint", command.remoteRegistryEndpoint());
        requireHttpUrl("federationAgreementUrl", command.federationAgreementUrl());
        Validation.requireWindow(command.validFrom(), command.validUntil());
    }

    /** A registry recognizes other registries, never itself. */
    static void requireOtherRegistry(EstablishFederationConnection command, String registryEcosystemDid) {
        if (command.remoteRegistryDid().equals(registryEcosystemDid)) {
            throw new RuleViolationException("Registry " + command.registryId()
                    + " cannot federate with its own ecosystem DID " + registryEcosystemDid);
        }
    }

    /** Optional, but when given an absolute http(s) URL: the remote registry is reached or read there. */
    private static void requireHttpUrl(String field, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new InvalidCommandException(field, "must be an absolute http or https URL");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(FederationConnectionEstablished event) {
        id = event.connectionId();
        registryId = event.registryId();
        remoteRegistryDid = event.remoteRegistryDid();
        remoteRegistryName = event.remoteRegistryName();
        remoteRegistryEndpoint = event.remoteRegistryEndpoint();
        remoteRegistryType = event.remoteRegistryType();
        trustLevel = event.trustLevel();
        federationAgreementUrl = event.federationAgreementUrl();
        recognitions = event.recognitions();
        validFrom = event.validFrom();
        validUntil = event.validUntil();
        status = event.status();
    }

    @EventSourcingHandler
    void on(FederationConnectionStatusChanged event) {
        status = event.newStatus();
        statusReason = event.reason();
    }
}
