package org.trustregistry.command.accreditation;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.trustregistry.command.issuer.Issuer;
import org.trustregistry.command.verifier.Verifier;
import org.trustregistry.shared.EntityType;

/**
 * The issuer and verifier aggregates, by the kind a command names: each kind is its own aggregate type
 * (the class's simple name is the type its events are stored under), kept in Axon's repository of it.
 */
@Component
public class AccreditedEntities {

    private final Function<EntityType, Repository<? extends AccreditedEntity>> repositories;

    /** Looked up when needed: Axon's configuration builds the repositories after the Spring beans. */
    @Autowired
    AccreditedEntities(Configuration axon) {
        this(type -> axon.repository(kind(type).aggregateType()));
    }

    /** Over other repositories: a test fixture's. */
    public AccreditedEntities(Function<EntityType, Repository<? extends AccreditedEntity>> repositories) {
        this.repositories = repositories;
    }

    private record Kind(Class<? extends AccreditedEntity> aggregateType, Supplier<AccreditedEntity> newEntity) {
    }

    private static Kind kind(EntityType type) {
        return switch (type) {
            case ISSUER -> new Kind(Issuer.class, Issuer::new);
            case VERIFIER -> new Kind(Verifier.class, Verifier::new);
        };
    }

    Aggregate<? extends AccreditedEntity> load(EntityType type, UUID id) {
        return repositories.apply(type).load(id.toString());
    }

    /** A new entity of the kind, made what {@code initialize} applies to it (its registration). */
    @SuppressWarnings("unchecked")
    Aggregate<AccreditedEntity> create(EntityType type, Consumer<AccreditedEntity> initialize) throws Exception {
        var repository = (Repository<AccreditedEntity>) repositories.apply(type);
        return repository.newInstance(() -> {
            AccreditedEntity entity = kind(type).newEntity().get();
            initialize.accept(entity);
            return entity;
        });
    }
}
