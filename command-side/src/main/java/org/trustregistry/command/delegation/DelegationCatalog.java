package org.trustregistry.command.delegation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSideCatalogs;
import org.trustregistry.shared.Timestamptz;
import org.trustregistry.events.delegation.DelegationGranted;
import org.trustregistry.events.delegation.DelegationLapsed;
import org.trustregistry.events.delegation.DelegationRevoked;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.DelegationStatus;

/**
 * The command side's graph of delegations (delegation_catalog), kept in the transaction of the
 * delegation events: what granting and reviewing delegations need to know about the others.
 */
@Component
@ProcessingGroup(CommandSideCatalogs.PROCESSING_GROUP)
public class DelegationCatalog {

    /** An active delegation as the rules see it. */
    public record Link(UUID delegationId, UUID delegatorId, UUID delegateId, Set<UUID> schemaIds, Instant validFrom,
                       Instant validUntil, int depth) {

        boolean coversAt(Instant time) {
            return org.trustregistry.shared.ValidityWindow.contains(validFrom, validUntil, time);
        }
    }

    private static final String LINK = "SELECT delegation_id, delegator_id, delegate_id, schema_ids, valid_from, "
            + "valid_until, depth FROM delegation_catalog ";

    private final JdbcClient jdbc;

    DelegationCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DelegationGranted event) {
        UUID[] schemaIds = event.credentialTypes().stream().map(CredentialTypeRef::schemaId).toArray(UUID[]::new);
        jdbc.sql("INSERT INTO delegation_catalog (delegation_id, registry_id, delegator_id, delegate_id, schema_ids, "
                        + "valid_from, valid_until, depth, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.delegationId(), event.registryId(), event.delegatorIssuerId(), event.delegateIssuerId(),
                        schemaIds, Timestamptz.of(event.validFrom()), Timestamptz.of(event.validUntil()), event.depth(),
                        DelegationStatus.ACTIVE.name())
                .update();
    }

    @EventHandler
    void on(DelegationRevoked event) {
        end(event.delegationId(), DelegationStatus.REVOKED);
    }

    @EventHandler
    void on(DelegationLapsed event) {
        end(event.delegationId(), DelegationStatus.LAPSED);
    }

    /** Active delegations an issuer has received. */
    public List<Link> receivedBy(UUID issuerId) {
        return jdbc.sql(LINK + "WHERE delegate_id = ? AND status = 'ACTIVE'").param(issuerId).query(this::link).list();
    }

    /** Active delegations an issuer has given. */
    public List<Link> givenBy(UUID issuerId) {
        return jdbc.sql(LINK + "WHERE delegator_id = ? AND status = 'ACTIVE'").param(issuerId).query(this::link).list();
    }

    /** Every issuer above this one in the graph of active delegations (its delegators, theirs, …). */
    public Set<UUID> ancestorsOf(UUID issuerId) {
        return jdbc.sql("WITH RECURSIVE up(id) AS ("
                        + " SELECT delegator_id FROM delegation_catalog WHERE delegate_id = ? AND status = 'ACTIVE'"
                        + " UNION SELECT d.delegator_id FROM delegation_catalog d JOIN up ON d.delegate_id = up.id"
                        + " WHERE d.status = 'ACTIVE') SELECT id FROM up")
                .param(issuerId).query(UUID.class).set();
    }

    /** The registry a delegation (of any status) belongs to; empty for no such delegation. */
    public Optional<UUID> registryOf(UUID delegationId) {
        return jdbc.sql("SELECT registry_id FROM delegation_catalog WHERE delegation_id = ?").param(delegationId)
                .query(UUID.class).optional();
    }

    /** Serialises the granting of delegations within one registry, so two grants cannot close a cycle. */
    void lockRegistry(UUID registryId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(registryId.getMostSignificantBits() ^ registryId.getLeastSignificantBits())
                .query().singleRow();
    }

    private void end(UUID delegationId, DelegationStatus status) {
        jdbc.sql("UPDATE delegation_catalog SET status = ? WHERE delegation_id = ?").params(status.name(), delegationId)
                .update();
    }

    private Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        UUID[] schemaIds = (UUID[]) rs.getArray("schema_ids").getArray();
        return new Link(rs.getObject("delegation_id", UUID.class), rs.getObject("delegator_id", UUID.class),
                rs.getObject("delegate_id", UUID.class), Arrays.stream(schemaIds).collect(Collectors.toSet()),
                Timestamptz.read(rs, "valid_from"), Timestamptz.read(rs, "valid_until"), rs.getInt("depth"));
    }
}
