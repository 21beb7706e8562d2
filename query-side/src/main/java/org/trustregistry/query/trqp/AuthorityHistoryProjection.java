package org.trustregistry.query.trqp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trustregistry.query.common.KeyedStatements;
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

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final AuthorityHistory memory;

    AuthorityHistoryProjection(JdbcTemplate jdbc, JsonMapper json, AuthorityHistory memory) {
        this.jdbc = jdbc;
        this.json = json;
        this.memory = memory;
    }

    @EventHandler
    void on(TrustRegistryCreated event, @SequenceNumber long sequence) {
        batch().add(registry(event.registryId()), INSERT_REGISTRY_PERIOD, 1, "registry " + event.registryId(),
                event.registryId(), event.ecosystemDid(), event.status().name(), ts(event.createdAt()), sequence);
        memory.stage(c -> c.registryCreated(event.registryId(), event.ecosystemDid(), event.status().name(),
                event.createdAt(), sequence));
    }

    @EventHandler
    void on(TrustRegistryStatusChanged event, @SequenceNumber long sequence) {
        Instant at = event.effectiveAt();
        batch().add(registry(event.registryId()),
                "UPDATE registry_periods SET period_end = ? WHERE registry_id = ? AND period_end IS NULL", -1,
                "registry " + event.registryId(), ts(at), event.registryId());
        batch().add(registry(event.registryId()), INSERT_REGISTRY_PERIOD, 1, "registry " + event.registryId(),
                event.registryId(), event.ecosystemDid(), event.newStatus().name(), ts(at), sequence);
        memory.stage(c -> c.registryStatusChanged(event.registryId(), event.ecosystemDid(), event.newStatus().name(),
                at, sequence));
    }

    @EventHandler
    void on(EntityRegistered event, @SequenceNumber long sequence) {
        batch().add(entity(event.entityId()), "INSERT INTO entity_periods (entity_id, entity_type, registry_id, did, "
                        + "status, valid_from, valid_until, period_start, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", 1,
                "entity " + event.entityId(), event.entityId(), event.entityType().name(), event.registryId(),
                event.did(), EntityStatus.PENDING.name(), ts(event.validFrom()), ts(event.validUntil()),
                ts(event.registeredAt()), sequence);
        memory.stage(c -> c.entityRegistered(event.entityId(), event.entityType(), event.registryId(), event.did(),
                EntityStatus.PENDING.name(), event.validFrom(), event.validUntil(), event.registeredAt(), sequence));
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
        batch().add(type(event.entityId()), "INSERT INTO credential_type_periods (entity_id, schema_id, "
                        + "credential_type, period_start, seq) VALUES (?, ?, ?, ?, ?)", 1,
                "credential type of " + event.entityId(), event.entityId(), event.schemaId(), event.credentialType(),
                ts(event.effectiveAt()), sequence);
        memory.stage(c -> c.typeAuthorized(event.entityId(), event.schemaId(), event.credentialType(),
                event.effectiveAt(), sequence));
    }

    @EventHandler
    void on(CredentialTypeWithdrawn event) {
        batch().add(type(event.entityId()), "UPDATE credential_type_periods SET period_end = ? WHERE entity_id = ? "
                        + "AND schema_id = ? AND period_end IS NULL", -1, "credential type of " + event.entityId(),
                ts(event.effectiveAt()), event.entityId(), event.schemaId());
        memory.stage(c -> c.typeWithdrawn(event.entityId(), event.schemaId(), event.effectiveAt()));
    }

    @EventHandler
    void on(DelegationGranted event) {
        String[] types = event.credentialTypes().stream().map(CredentialTypeRef::credentialType)
                .toArray(String[]::new);
        batch().add(delegation(event.delegationId()), "INSERT INTO delegation_periods (delegation_id, registry_id, "
                        + "delegator_id, delegate_id, credential_types, valid_from, valid_until, period_start) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 1, "delegation " + event.delegationId(),
                event.delegationId(), event.registryId(), event.delegatorIssuerId(), event.delegateIssuerId(),
                types, ts(event.validFrom()), ts(event.validUntil()), ts(event.grantedAt()));
        memory.stage(c -> c.delegationGranted(event.delegationId(), event.registryId(), event.delegatorIssuerId(),
                event.delegateIssuerId(), java.util.Arrays.asList(types), event.validFrom(), event.validUntil(),
                event.grantedAt()));
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
        batch().add(connection(event.connectionId()), "INSERT INTO recognition_periods (connection_id, registry_id, "
                        + "remote_did, status, recognitions, valid_from, valid_until, period_start, seq) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)", 1, "connection " + event.connectionId(),
                event.connectionId(), event.registryId(), event.remoteRegistryDid(), event.status().name(),
                json.writeValueAsString(event.recognitions()), ts(event.validFrom()), ts(event.validUntil()),
                ts(event.establishedAt()), sequence);
        memory.stage(c -> c.connectionEstablished(event.connectionId(), event.registryId(), event.remoteRegistryDid(),
                event.status().name(), event.recognitions(), event.validFrom(), event.validUntil(),
                event.establishedAt(), sequence));
    }

    @EventHandler
    void on(FederationConnectionStatusChanged event, @SequenceNumber long sequence) {
        Instant at = event.effectiveAt();
        batch().add(connection(event.connectionId()), "UPDATE recognition_periods SET period_end = ? "
                + "WHERE connection_id = ? AND period_end IS NULL", -1, "connection " + event.connectionId(),
                ts(at), event.connectionId());
        batch().add(connection(event.connectionId()), "INSERT INTO recognition_periods (connection_id, registry_id, "
                        + "remote_did, status, recognitions, valid_from, valid_until, period_start, seq) "
                        + "SELECT connection_id, registry_id, remote_did, ?, recognitions, valid_from, valid_until, ?, ? "
                        + "FROM recognition_periods WHERE connection_id = ? AND period_end = ? ORDER BY seq DESC LIMIT 1",
                -1, "connection " + event.connectionId(),
                event.newStatus().name(), ts(at), sequence, event.connectionId(), ts(at));
        memory.stage(c -> c.connectionStatusChanged(event.connectionId(), event.newStatus().name(), at, sequence));
    }

    @ResetHandler
    void reset() {
        for (String table : new String[] {"registry_periods", "entity_periods", "credential_type_periods",
                "delegation_periods", "recognition_periods"}) {
            jdbc.update("DELETE FROM " + table);
        }
        memory.stage(AuthorityHistory.Changes::reset);
    }

    /**
     * Closes the entity's current period at {@code at} and opens the next one: a new status (null: same),
     * and when {@code windowChanged} a new validity window (a renewal changes only validUntil).
     */
    private void nextEntityPeriod(UUID entityId, Instant at, long sequence, EntityStatus status, Instant validFrom,
                                  Instant validUntil, boolean windowChanged) {
        boolean renewal = windowChanged && status != null;
        // one statement (a rebuild runs it for every status change): the current period closed, the next opened
        // (a period that was not exactly one fails the batch: "entity …: n rows, not 1")
        batch().add(entity(entityId), "WITH closed AS (UPDATE entity_periods SET period_end = ? "
                        + "WHERE entity_id = ? AND period_end IS NULL "
                        + "RETURNING entity_type, registry_id, did, status, valid_from, valid_until) "
                        + "INSERT INTO entity_periods (entity_id, entity_type, registry_id, did, status, valid_from, "
                        + "valid_until, period_start, seq) SELECT ?, entity_type, registry_id, did, "
                        + "COALESCE(CAST(? AS varchar), status), "
                        + "CASE WHEN ? THEN CAST(? AS timestamptz) ELSE valid_from END, "
                        + "CASE WHEN ? THEN CAST(? AS timestamptz) ELSE valid_until END, ?, ? "
                        + "FROM closed", 1, "entity " + entityId + ": current periods",
                ts(at), entityId, entityId, status == null ? null : status.name(), windowChanged && !renewal,
                ts(validFrom), windowChanged, ts(validUntil), ts(at), sequence);
        memory.stage(c -> c.nextEntityPeriod(entityId, at, sequence, status == null ? null : status.name(), validFrom,
                validUntil, windowChanged && !renewal, windowChanged));
    }

    private void endDelegation(UUID delegationId, Instant at) {
        batch().add(delegation(delegationId), "UPDATE delegation_periods SET period_end = ? WHERE delegation_id = ? "
                + "AND period_end IS NULL", -1, "delegation " + delegationId, ts(at), delegationId);
        memory.stage(c -> c.delegationEnded(delegationId, at));
    }

    private static final String INSERT_REGISTRY_PERIOD = "INSERT INTO registry_periods (registry_id, ecosystem_did, "
            + "status, period_start, seq) VALUES (?, ?, ?, ?, ?)";

    /** This batch's statements: sent per table and row in a few JDBC batches before it commits. */
    private KeyedStatements batch() {
        return KeyedStatements.current(jdbc);
    }

    // what a statement is about: the rows of one table for one id (statements about other ids commute)
    private static Object registry(UUID id) {
        return java.util.List.of("registry_periods", id);
    }

    private static Object entity(UUID id) {
        return java.util.List.of("entity_periods", id);
    }

    private static Object type(UUID entityId) {
        return java.util.List.of("credential_type_periods", entityId);
    }

    private static Object delegation(UUID id) {
        return java.util.List.of("delegation_periods", id);
    }

    private static Object connection(UUID id) {
        return java.util.List.of("recognition_periods", id);
    }

    private static OffsetDateTime ts(Instant instant) {
        return Timestamptz.of(instant);
    }
}
