package org.trustregistry.command.did;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.events.did.DidResolutionFailed;
import org.trustregistry.events.did.DidResolved;
import org.trustregistry.events.did.DidServiceUpdated;
import org.trustregistry.shared.Did;
import org.trustregistry.shared.MessageMetadata;

/**
 * A DID's entry in the directory, keyed by the DID itself: its service endpoint, metadata and the
 * public keys it last resolved to. Any valid DID may get one (it is created by its first command), even
 * one that no registry, issuer or verifier uses. Resolution is done before, by {@link DidResolution}:
 * the entry only records its outcome.
 */
@Aggregate
public class DidEntry {

    /** The event store keys aggregates by at most 255 characters (domain_event_entry.aggregate_identifier). */
    static final int MAX_DID_LENGTH = 255;
    static final int MAX_ENDPOINT_LENGTH = 2048;
    private static final Set<String> ENDPOINT_SCHEMES = Set.of("https", "http", "wss", "ws");

    @AggregateIdentifier
    private String did;
    private String didMethod;
    private String serviceType;
    private String serviceEndpoint;
    private Map<String, Object> metadata = Map.of();
    private List<Map<String, Object>> publicKeys = List.of();
    private String resolutionSource;
    private java.time.Instant resolvedAt;
    private String resolutionError;

    protected DidEntry() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DidEntryState handle(UpdateDidService command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                         Clock clock) {
        requireDirectoryDid(command.did());
        if (command.serviceType() == null || command.serviceType().isBlank()) {
            throw new InvalidCommandException("serviceType", "the service type is required, e.g. LinkedDomains");
        }
        requireEndpoint(command.endpoint());
        apply(new DidServiceUpdated(command.did(), new Did(command.did()).method(), command.serviceType(),
                command.endpoint(), command.metadata() == null ? Map.of() : command.metadata(),
                Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DidEntryState handle(RecordDidResolution command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                         Clock clock) {
        requireDirectoryDid(command.did());
        if (command.publicKeys() == null || command.publicKeys().isEmpty()) {
            throw new InvalidCommandException("publicKeys", "a resolution without public keys is a failure");
        }
        apply(new DidResolved(command.did(), new Did(command.did()).method(), List.copyOf(command.publicKeys()),
                command.source(), Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DidEntryState handle(RecordDidResolutionFailure command,
                         @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        requireDirectoryDid(command.did());
        apply(new DidResolutionFailed(command.did(), new Did(command.did()).method(), command.reason(),
                command.source(), Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    DidEntryState state() {
        return new DidEntryState(did, didMethod, serviceType, serviceEndpoint, metadata, publicKeys,
                resolutionSource, resolvedAt, resolutionError);
    }

    /** A DID the directory can hold: W3C syntax, and short enough to key an aggregate. */
    static void requireDirectoryDid(String did) {
        if (!Did.isValid(did) || did.length() > MAX_DID_LENGTH) {
            throw new InvalidCommandException("did", "must be a DID in W3C syntax (did:<method>:<method-specific-id>)"
                    + " of at most " + MAX_DID_LENGTH + " characters");
        }
    }

    /** An absolute http(s) or ws(s) URL with a host and no user information. */
    static void requireEndpoint(String endpoint) {
        String problem = "must be an absolute http, https, ws or wss URL with a host";
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT_LENGTH) {
            throw new InvalidCommandException("endpoint", problem + " (at most " + MAX_ENDPOINT_LENGTH + " characters)");
        }
        try {
            URI uri = new URI(endpoint);
            if (!uri.isAbsolute() || uri.getScheme() == null
                    || !ENDPOINT_SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                    || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new InvalidCommandException("endpoint", problem);
            }
        } catch (URISyntaxException e) {
            throw new InvalidCommandException("endpoint", problem);
        }
    }

    @EventSourcingHandler
    void on(DidServiceUpdated event) {
        identify(event.did(), event.didMethod());
        serviceType = event.serviceType();
        serviceEndpoint = event.serviceEndpoint();
        metadata = event.metadata();
    }

    @EventSourcingHandler
    void on(DidResolved event) {
        identify(event.did(), event.didMethod());
        publicKeys = event.publicKeys();
        resolutionSource = event.source();
        resolvedAt = event.resolvedAt();
        resolutionError = null;
    }

    @EventSourcingHandler
    void on(DidResolutionFailed event) {
        identify(event.did(), event.didMethod());
        resolutionError = event.reason();
    }

    private void identify(String did, String didMethod) {
        this.did = did;
        this.didMethod = didMethod;
    }
}
