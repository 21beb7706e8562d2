package org.trustregistry.query.trqp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;
import org.trustregistry.events.accreditation.EntityProfileUpdated;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.accreditation.EntityRenewed;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.events.delegation.DelegationGranted;
import org.trustregistry.events.delegation.DelegationLapsed;
import org.trustregistry.events.delegation.DelegationRevoked;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.events.federation.FederationConnectionStatusChanged;
import org.trustregistry.events.registry.TrustRegistryCreated;
import org.trustregistry.events.registry.TrustRegistryStatusChanged;
import org.trustregistry.shared.Timestamptz;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded history TRQP evaluates "at time T" against: for every registry, issuer, verifier,
 * credential-type authorization, delegation and federation connection, the periods in which it stood
 * in one state, from the effective times the events carry. Each change closes the current period and
 * opens the next, so the state at any past instant is one indexed lookup.
 */
@Component
@ProcessingGroup(AuthorityHistoryProjection.NAME)
public class AuthorityHistoryProjection {

    public static final String NAME = "authority-history";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuthorityHistoryProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(TrustRegistryCreated event, @SequenceNumber long sequence) {
        jdbc.sql("INSERT INTO registry_periods (registry_id, ecosystem_did, status, period_start, seq) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(event.registryId(), event.ecosystemDid(), event.status().name(), ts(event.createdAt()),
                        sequence)
                .update();
    }

    @EventHandler
    void on(TrustRegistryStatusChanged event, @SequenceNumber long sequence) {
        Instant at = event.effectiveAt();
        jdbc.sql("UPDATE registry_periods SET period_end = ? WHERE registry_id = ? AND period_end IS NULL")
                .params(ts(at), event.registryId()).update();
        jdbc.sql("INSERT INTO registry_periods (registry_id, ecosystem_did, status, period_start, seq) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(event.registryId(), event.ecosystemDid(), event.newStatus().name(), ts(at), sequence)
                .update();
    }

    @EventHandler
    void on(EntityRegistered event, @SequenceNumber long sequence) {
        jdbc.sql("INSERT INTO entity_periods (entity_id, entity_type, registry_id, did, status, valid_from, "
                        + "valid_until, period_start, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.entityId(), event.entityType().name(), event.registryId(), event.did(),
                        EntityStatus.PENDING.name(), ts(event.validFrom()), ts(event.validUntil()),
                        ts(event.registeredAt()), sequence)
                .update();
    }

    @EventHandler
    void on(EntityProfileUpdated event, @SequenceNumber long sequence) {
        nextEntityPeriod(event.entityId(), event.updatedAt(), sequence, null, event.validFrom(), event.validUntil(),
                true);
    }

    @EventHandler
    void on(EntityStatusChanged event, @SequenceNumber long sequence) {
        Instant renewedUntil = event instanceof EntityRenewed renewed ? renewed.validUntil() : null;
        nextEntityPeriod(event.entityId(), event.effectiveAt(), sequence, event.newStatus(), null, renewedUntil,
                renewedUntil != null);
    }

    @EventHandler
    void on(CredentialTypeAuthorized event, @SequenceNumber long sequence) {
        jdbc.sql("INSERT INTO credential_type_periods (entity_id, schema_id, credential_type, period_start, seq) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(event.entityId(), event.schemaId(), event.credentialType(), ts(event.effectiveAt()), sequence)
                .update();
    }

    @EventHandler
    void on(CredentialTypeWithdrawn event) {
        jdbc.sql("UPDATE credential_type_periods SET period_end = ? WHERE entity_id = ? AND schema_id = ? "
                        + "AND period_end IS NULL")
                .params(ts(event.effectiveAt()), event.entityId(), event.schemaId()).update();
    }

    @EventHandler
    void on(DelegationGranted event) {
        String[] types = event.credentialTypes().stream().map(CredentialTypeRef::credentialType)
                .toArray(String[]::new);
        jdbc.sql("INSERT INTO delegation_periods (delegation_id, registry_id, delegator_id, delegate_id, "
                        + "credential_types, valid_from, valid_until, period_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.delegationId(), event.registryId(), event.delegatorIssuerId(), event.delegateIssuerId(),
                        types, ts(event.validFrom()), ts(event.validUntil()), ts(event.grantedAt()))
                .update();
    }

    @EventHandler
    void on(DelegationRevoked event) {
        endDelegation(event.delegationId(), event.effectiveAt());
    }

    @EventHandler
    void on(DelegationLapsed event) {
        endDelegation(event.delegationId(), event.effectiveAt());
    }

    @EventHandler
    void on(FederationConnectionEstablished event, @SequenceNumber long sequence) {
        jdbc.sql("INSERT INTO recognition_periods (connection_id, registry_id, remote_did, status, recognitions, "
                        + "valid_from, valid_until, period_start, seq) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")
                .params(event.connectionId(), event.registryId(), event.remoteRegistryDid(), event.status().name(),
                        json.writeValueAsString(event.recognitions()), ts(event.validFrom()), ts(event.validUntil()),
                        ts(event.establishedAt()), sequence)
                .update();
    }

    @EventHandler
    void on(FederationConnectionStatusChanged event, @SequenceNumber long sequence) {
        Instant at = event.effectiveAt();
        jdbc.sql("UPDATE recognition_periods SET period_end = ? WHERE connection_id = ? AND period_end IS NULL")
                .params(ts(at), event.connectionId()).update();
        jdbc.sql("INSERT INTO recognition_periods (connection_id, registry_id, remote_did, status, recognitions, "
                        + "valid_from, valid_until, period_start, seq) SELECT connection_id, registry_id, remote_did, "
                        + "?, recognitions, valid_from, valid_until, ?, ? FROM recognition_periods "
                        + "WHERE connection_id = ? AND period_end = ? ORDER BY seq DESC LIMIT 1")
                .params(event.newStatus().name(), ts(at), sequence, event.connectionId(), ts(at))
                .update();
    }

    @ResetHandler
    void reset() {
        for (String table : new String[] {"registry_periods", "entity_periods", "credential_type_periods",
                "delegation_periods", "recognition_periods"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** The entity's state in its current period. */
    private record EntityState(String entityType, UUID registryId, String did, String status, Instant validFrom,
                               Instant validUntil) {
    }

    /**
     * Closes the entity's current period at {@code at} and opens the next one: a new status (null: same),
     * and when {@code windowChanged} a new validity window (a renewal changes only validUntil).
     */
    private void nextEntityPeriod(UUID entityId, Instant at, long sequence, EntityStatus status, Instant validFrom,
                                  Instant validUntil, boolean windowChanged) {
        EntityState current = jdbc.sql("SELECT entity_type, registry_id, did, status, valid_from, valid_until "
                        + "FROM entity_periods WHERE entity_id = ? AND period_end IS NULL")
                .param(entityId)
                .query((rs, row) -> new EntityState(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), Timestamptz.read(rs, 5), Timestamptz.read(rs, 6)))
                .single();
        jdbc.sql("UPDATE entity_periods SET period_end = ? WHERE entity_id = ? AND period_end IS NULL")
                .params(ts(at), entityId).update();
        boolean renewal = windowChanged && status != null;
        Instant from = windowChanged && !renewal ? validFrom : current.validFrom();
        Instant until = windowChanged ? validUntil : current.validUntil();
        jdbc.sql("INSERT INTO entity_periods (entity_id, entity_type, registry_id, did, status, valid_from, "
                        + "valid_until, period_start, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entityId, current.entityType(), current.registryId(), current.did(),
                        status == null ? current.status() : status.name(), ts(from), ts(until), ts(at), sequence)
                .update();
    }

    private void endDelegation(UUID delegationId, Instant at) {
        jdbc.sql("UPDATE delegation_periods SET period_end = ? WHERE delegation_id = ? AND period_end IS NULL")
                .params(ts(at), delegationId).update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return Timestamptz.of(instant);
    }
}
