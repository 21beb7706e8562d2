package org.trustregistry.command.schema;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.events.schema.CredentialSchemaRegistered;
import org.trustregistry.events.schema.CredentialSchemaStatusChanged;
import org.trustregistry.events.schema.CredentialSchemaUpdated;
import org.trustregistry.shared.AuthorizationMode;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.SchemaStatus;

/** A credential schema of one registry. Registered by {@link CredentialSchemaRegistration}. */
@Aggregate
public class CredentialSchema {

    @AggregateIdentifier
    private UUID id;
    private UUID registryId;
    private UUID trustFrameworkId;
    private String name;
    private String schemaVersion;
    private String type;
    private Map<String, Object> jsonSchema;
    private List<String> contexts;
    private List<String> jurisdictions;
    private AuthorizationMode issuerMode;
    private AuthorizationMode verifierMode;
    private SchemaStatus status;
    private String statusReason;

    protected CredentialSchema() {
    }

    CredentialSchema(RegisterCredentialSchema command, String actor, Clock clock) {
        apply(new CredentialSchemaRegistered(command.schemaId(), command.registryId(), command.trustFrameworkId(),
                command.name(), command.schemaVersion(), command.type(), command.jsonSchema(),
                listOrEmpty(command.contexts()), listOrEmpty(command.jurisdictions()),
                modeOrOpen(command.issuerMode()), modeOrOpen(command.verifierMode()), actor, clock.instant()));
    }

    @CommandHandler
    CredentialSchemaState handle(UpdateCredentialSchema command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock,
                                 JsonSchemaPolicy jsonSchemas) {
        if (command.type() != null && !Objects.equals(command.type(), type)) {
            throw new RuleViolationException("The credential type of a schema never changes (it is " + type
                    + "); register a new schema instead");
        }
        jsonSchemas.requireValid(command.jsonSchema());
        apply(new CredentialSchemaUpdated(id, registryId, type, command.trustFrameworkId(), command.name(),
                command.schemaVersion(), command.jsonSchema(), listOrEmpty(command.contexts()),
                listOrEmpty(command.jurisdictions()), modeOrOpen(command.issuerMode()),
                modeOrOpen(command.verifierMode()), Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    @CommandHandler
    CredentialSchemaState handle(ChangeCredentialSchemaStatus command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor, Clock clock) {
        if (!status.canChangeTo(command.status())) {
            throw new IllegalTransitionException("Schema " + id, status, command.status());
        }
        Validation.requireReason(command.reason());
        apply(new CredentialSchemaStatusChanged(id, registryId, type, status, command.status(), command.reason(),
                Validation.actorOrSystem(actor), clock.instant()));
        return state();
    }

    CredentialSchemaState state() {
        return new CredentialSchemaState(id, registryId, trustFrameworkId, name, schemaVersion, type, jsonSchema,
                contexts, jurisdictions, issuerMode, verifierMode, status, statusReason);
    }

    @EventSourcingHandler
    void on(CredentialSchemaRegistered event) {
        id = event.schemaId();
        registryId = event.registryId();
        type = event.type();
        describe(event.trustFrameworkId(), event.name(), event.schemaVersion(), event.jsonSchema(),
                event.contexts(), event.jurisdictions(), event.issuerMode(), event.verifierMode());
        status = SchemaStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CredentialSchemaUpdated event) {
        describe(event.trustFrameworkId(), event.name(), event.schemaVersion(), event.jsonSchema(),
                event.contexts(), event.jurisdictions(), event.issuerMode(), event.verifierMode());
    }

    @EventSourcingHandler
    void on(CredentialSchemaStatusChanged event) {
        status = event.newStatus();
        statusReason = event.reason();
    }

    private void describe(UUID trustFrameworkId, String name, String schemaVersion, Map<String, Object> jsonSchema,
                          List<String> contexts, List<String> jurisdictions, AuthorizationMode issuerMode,
                          AuthorizationMode verifierMode) {
        this.trustFrameworkId = trustFrameworkId;
        this.name = name;
        this.schemaVersion = schemaVersion;
        this.jsonSchema = jsonSchema;
        this.contexts = contexts;
        this.jurisdictions = jurisdictions;
        this.issuerMode = issuerMode;
        this.verifierMode = verifierMode;
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static AuthorizationMode modeOrOpen(AuthorizationMode mode) {
        return mode == null ? AuthorizationMode.OPEN : mode;
    }
}
