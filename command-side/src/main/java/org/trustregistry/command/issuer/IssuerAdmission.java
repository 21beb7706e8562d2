package org.trustregistry.command.issuer;

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

/** The issuer commands that need other aggregates' facts (registry, DID claims, schemas) before the issuer decides. */
@Component
class IssuerAdmission {

    private final Configuration axon;
    private final Admission admission;
    private final Clock clock;

    IssuerAdmission(Configuration axon, Admission admission, Clock clock) {
        this.axon = axon;
        this.admission = admission;
        this.clock = clock;
    }

    @CommandHandler
    AccreditedEntityState handle(RegisterIssuer command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor)
            throws Exception {
        List<SchemaCatalog.Entry> schemas = admission.admit(EntityType.ISSUER, command.issuerId(), command.did(),
                command.registryId(), command.profile(), command.credentialTypes());
        Instant now = clock.instant();
        return repository().newInstance(() -> new Issuer(command, schemas, Validation.actorOrSystem(actor), now))
                .invoke(Issuer::state);
    }

    @CommandHandler
    AccreditedEntityState handle(AuthorizeIssuerCredentialType command,
                                 @MetaDataValue(MessageMetadata.ACTOR_ID) String actor) {
        SchemaCatalog.Entry schema = admission.schema(command.schemaId());
        var issuer = repository().load(command.issuerId().toString());
        issuer.execute(i -> i.authorizeCredentialType(schema, Validation.actorOrSystem(actor), clock.instant()));
        return issuer.invoke(Issuer::state);
    }

    /** Looked up when needed: Axon's configuration builds the repository after the Spring beans. */
    private Repository<Issuer> repository() {
        return axon.repository(Issuer.class);
    }
}
