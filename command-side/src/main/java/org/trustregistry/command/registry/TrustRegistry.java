package org.trustregistry.command.registry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
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
import org.trustregistry.events.registry.RegistrySigningKeyAdded;
import org.trustregistry.events.registry.TrustRegistryCreated;
import org.trustregistry.events.registry.TrustRegistryFrameworkLinked;
import org.trustregistry.events.registry.TrustRegistryFrameworkUnlinked;
import org.trustregistry.events.registry.TrustRegistryStatusChanged;
import org.trustregistry.events.registry.TrustRegistryUpdated;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.RegistryStatus;

/** A trust registry of one ecosystem. Created by {@link TrustRegistryCreation}, which claims its ecosystem DID. */
@Aggregate
public class TrustRegistry {

    @AggregateIdentifier
    private UUID id;
    private String name;
    private String description;
    private String ecosystemDid;
    private String governanceAuthority;
    private UUID trustFrameworkId;
    private RegistryStatus status;
    private String statusReason;
    private int keyCount;
    private String currentKid;

    protected TrustRegistry() {
    }

    TrustRegistry(CreateTrustRegistry command, String actor, Clock clock, SigningKeys keys) {
        var now = clock.instant();
        apply(new TrustRegistryCreated(command.registryId(), command.name(), command.description(),
                command.ecosystemDid(), command.governanceAuthority(), command.trustFrameworkId(),
                RegistryStatus.ACTIVE, actor, now))
                .andThen(() -> addSigningKey(keys, actor, now));
    }

    /** A new signing key, {@code <ecosystem DID>#key-N}; the previous one stays published. */
    void addSigningKey(SigningKeys keys, String actor, java.time.Instant now) {
        requireNotRetired("a new signing key");
        String kid = ecosystemDid + "#key-" + (keyCount + 1);
        apply(new RegistrySigningKeyAdded(id, ecosystemDid, kid, keys.generate(id, kid), currentKid, actor, now));
    }

    @CommandHandler
    TrustRegistryState handle(UpdateTrustRegistry command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                              Clock clock) {
        requireNotRetired("an updated profile");
        apply(new TrustRegistryUpdated(id, ecosystemDid, command.name(), command.description(),
                command.governanceAuthority(), Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    @CommandHandler
    TrustRegistryState handle(ChangeTrustRegistryStatus command,
                              @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        if (!status.canChangeTo(command.status())) {
            throw new IllegalTransitionException("Registry " + id, status, command.status());
        }
        Validation.requireReason(command.reason());
        apply(new TrustRegistryStatusChanged(id, ecosystemDid, status, command.status(), command.reason(),
                Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    @CommandHandler
    TrustRegistryState handle(LinkTrustRegistryFramework command,
                              @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        requireNotRetired("a framework link");
        if (command.trustFrameworkId() == null) {
            throw new InvalidCommandException("trustFrameworkId", "the trust framework is required");
        }
        if (command.trustFrameworkId().equals(trustFrameworkId)) {
            throw new RuleViolationException("Registry " + id + " already follows trust framework "
                    + trustFrameworkId);
        }
        apply(new TrustRegistryFrameworkLinked(id, ecosystemDid, command.trustFrameworkId(), trustFrameworkId,
                Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    @CommandHandler
    TrustRegistryState handle(UnlinkTrustRegistryFramework command,
                              @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        requireNotRetired("a framework link");
        if (trustFrameworkId == null) {
            throw new UnknownReferenceException("Registry " + id + " follows no trust framework");
        }
        apply(new TrustRegistryFrameworkUnlinked(id, ecosystemDid, trustFrameworkId, Validation.actorOrSystem(actor),
                clock.instant()));
        return state();
    }

    private void requireNotRetired(String change) {
        if (status == RegistryStatus.RETIRED) {
            throw new IllegalTransitionException("a retired registry", "RETIRED", change);
        }
    }

    TrustRegistryState state() {
        return new TrustRegistryState(id, name, description, ecosystemDid, governanceAuthority, trustFrameworkId,
                status, statusReason, currentKid);
    }

    @EventSourcingHandler
    void on(TrustRegistryCreated event) {
        id = event.registryId();
        name = event.name();
        description = event.description();
        ecosystemDid = event.ecosystemDid();
        governanceAuthority = event.governanceAuthority();
        trustFrameworkId = event.trustFrameworkId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(RegistrySigningKeyAdded event) {
        keyCount++;
        currentKid = event.kid();
    }

    @EventSourcingHandler
    void on(TrustRegistryUpdated event) {
        name = event.name();
        description = event.description();
        governanceAuthority = event.governanceAuthority();
    }

    @EventSourcingHandler
    void on(TrustRegistryFrameworkLinked event) {
        trustFrameworkId = event.trustFrameworkId();
    }

    @EventSourcingHandler
    void on(TrustRegistryFrameworkUnlinked event) {
        trustFrameworkId = null;
    }

    @EventSourcingHandler
    void on(TrustRegistryStatusChanged event) {
        status = event.newStatus();
        statusReason = event.reason();
    }
}
