package org.trustregistry.command.framework;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.events.framework.TrustFrameworkCreated;
import org.trustregistry.events.framework.TrustFrameworkStatusChanged;
import org.trustregistry.events.framework.TrustFrameworkUpdated;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.TrustFrameworkStatus;

/** A trust framework: the governance rules registries, schemas, issuers and verifiers may follow. Created by {@link TrustFrameworkCreation}. */
@Aggregate
public class TrustFramework {

    @AggregateIdentifier
    private UUID id;
    private String name;
    private String version;
    private String description;
    private String governanceFrameworkUrl;
    private List<String> legalAgreements;
    private List<String> jurisdictions;
    private List<String> contexts;
    private TrustFrameworkStatus status;
    private String statusReason;

    protected TrustFramework() {
    }

    TrustFramework(CreateTrustFramework command, String actor, Clock clock) {
        requireName(command.name());
        apply(new TrustFrameworkCreated(command.frameworkId(), command.name(), command.version(),
                command.description(), command.governanceFrameworkUrl(), list(command.legalAgreements()),
                list(command.jurisdictions()), list(command.contexts()), actor, clock.instant()));
    }

    @CommandHandler
    TrustFrameworkState handle(UpdateTrustFramework command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor,
                               Clock clock) {
        if (status == TrustFrameworkStatus.RETIRED) {
            throw new IllegalTransitionException("Trust framework " + id, "RETIRED", "an updated description");
        }
        requireName(command.name());
        apply(new TrustFrameworkUpdated(id, command.name(), command.version(), command.description(),
                command.governanceFrameworkUrl(), list(command.legalAgreements()), list(command.jurisdictions()),
                list(command.contexts()), Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    @CommandHandler
    TrustFrameworkState handle(ChangeTrustFrameworkStatus command,
                               @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        if (!status.canChangeTo(command.status())) {
            throw new IllegalTransitionException("Trust framework " + id, status, command.status());
        }
        Validation.requireReason(command.reason());
        apply(new TrustFrameworkStatusChanged(id, status, command.status(), command.reason(),
                Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    TrustFrameworkState state() {
        return new TrustFrameworkState(id, name, version, description, governanceFrameworkUrl, legalAgreements,
                jurisdictions, contexts, status, statusReason);
    }

    @EventSourcingHandler
    void on(TrustFrameworkCreated event) {
        id = event.frameworkId();
        status = TrustFrameworkStatus.ACTIVE;
        describe(event.name(), event.frameworkVersion(), event.description(), event.governanceFrameworkUrl(),
                event.legalAgreements(), event.jurisdictions(), event.contexts());
    }

    @EventSourcingHandler
    void on(TrustFrameworkUpdated event) {
        describe(event.name(), event.frameworkVersion(), event.description(), event.governanceFrameworkUrl(),
                event.legalAgreements(), event.jurisdictions(), event.contexts());
    }

    @EventSourcingHandler
    void on(TrustFrameworkStatusChanged event) {
        status = event.newStatus();
        statusReason = event.reason();
    }

    private void describe(String name, String version, String description, String url, List<String> agreements,
                          List<String> jurisdictions, List<String> contexts) {
        this.name = name;
        this.version = version;
        this.description = description;
        this.governanceFrameworkUrl = url;
        this.legalAgreements = agreements;
        this.jurisdictions = jurisdictions;
        this.contexts = contexts;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidCommandException("name", "the name is required");
        }
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
