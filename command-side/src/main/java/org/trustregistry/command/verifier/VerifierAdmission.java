package org.trustregistry.command.verifier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import org.trustregistry.command.accreditation.AccreditedEntityState;
import org.trustregistry.command.accreditation.Admission;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.MessageMetadata;

/** The verifier commands that need other aggregates' facts (registry, DID claims, schemas) before the verifier decides. */
@Component
class VerifierAdmission {

    private final Configuration axon;
    private final Admission admission;
    private final Clock clock;

    VerifierAdmission(Configuration axon, Admission admission, Clock clock) {
        this.axon = axon;
        this.admission = admission;
        this.clock = clock;
    }

    @CommandHandler
    AccreditedEntityState handle(RegisterVerifier command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor)
            throws Exception {
        List<SchemaCatalog.Entry> schemas = admission.admit(EntityType.VERIFIER, command.verifierId(), command.did(),
                command.registryId(), command.profile(), command.credentialTypes());
        Instant now = clock.instant();
        return repository().newInstance(() -> new Verifier(command, schemas, Validation.actorOrSystem(actor), now))
                .invoke(Verifier::state);
    }

    @CommandHandler
    AccreditedEntityState handle(AuthorizeVerifierCredentialType command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        SchemaCatalog.Entry schema = admission.schema(command.schemaId());
        var verifier = repository().load(command.verifierId().toString());
        verifier.execute(i -> i.authorizeCredentialType(schema, Validation.actorOrSystem(actor), clock.instant()));
        return verifier.invoke(Verifier::state);
    }

    /** Looked up when needed: Axon's configuration builds the repository after the Spring beans. */
    private Repository<Verifier> repository() {
        return axon.repository(Verifier.class);
    }
}
