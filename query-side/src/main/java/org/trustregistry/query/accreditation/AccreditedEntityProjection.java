package org.trustregistry.query.accreditation;

import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;
import org.trustregistry.events.accreditation.EntityProfileUpdated;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.accreditation.EntityRenewed;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.shared.EntityType;

/**
 * Projects the events of one kind of accredited entity (issuers or verifiers) into its table and its
 * credential-types table. The handlers take the shared event interfaces and skip the other kind.
 */
public abstract class AccreditedEntityProjection<V extends AccreditedEntityView, G extends CredentialTypeGrantView> {

    private final EntityType type;
    private final AccreditationRepositories.Entities<V> entities;
    private final Supplier<V> newView;
    private final AccreditationRepositories.Grants<G> grants;
    private final Supplier<G> newGrant;

    /** {@code newView} and {@code newGrant} make empty rows of the kind's two tables (their entities' constructors). */
    protected AccreditedEntityProjection(EntityType type, AccreditationRepositories.Entities<V> entities,
                                         Supplier<V> newView, AccreditationRepositories.Grants<G> grants,
                                         Supplier<G> newGrant) {
        this.type = type;
        this.entities = entities;
        this.newView = newView;
        this.grants = grants;
        this.newGrant = newGrant;
    }

    @EventHandler
    void on(EntityRegistered event, @SequenceNumber long sequence) {
        if (event.entityType() == type) {
            V view = newView.get();
            view.registered(event, sequence);
            entities.insert(view);
        }
    }

    @EventHandler
    void on(EntityProfileUpdated event, @SequenceNumber long sequence) {
        if (event.entityType() == type) {
            find(event.entityId()).update(event, sequence);
        }
    }

    @EventHandler
    void on(EntityStatusChanged event, @SequenceNumber long sequence) {
        if (event.entityType() == type) {
            V view = find(event.entityId());
            view.status(event.newStatus().name(), event.reason(), event.effectiveAt(), sequence);
            if (event instanceof EntityRenewed renewed) {
                view.renewedUntil(renewed.validUntil());
            }
        }
    }

    @EventHandler
    void on(CredentialTypeAuthorized event, @SequenceNumber long sequence) {
        if (event.entityType() == type) {
            G grant = newGrant.get();
            grant.authorized(event);
            grants.insert(grant);
            find(event.entityId()).touched(event.effectiveAt(), sequence);
        }
    }

    @EventHandler
    void on(CredentialTypeWithdrawn event, @SequenceNumber long sequence) {
        if (event.entityType() == type) {
            grants.deleteById(new CredentialTypeGrantView.Key(event.entityId(), event.schemaId()));
            find(event.entityId()).touched(event.effectiveAt(), sequence);
        }
    }

    @ResetHandler
    void reset() {
        grants.deleteAllInBatch();
        entities.deleteAllInBatch();
    }

    private V find(UUID id) {
        return entities.findById(id)
                .orElseThrow(() -> new NotFoundException(type.name().toLowerCase() + " " + id + " not projected"));
    }
}
