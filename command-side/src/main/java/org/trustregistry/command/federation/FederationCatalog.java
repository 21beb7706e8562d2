package org.trustregistry.command.federation;

import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.shared.FederationStatus;

/**
 * The command side's own table of federation connections (federation_catalog): which registry holds
 * a connection to which remote DID, and its status. Written in the transaction that appends the
 * connection's events; its partial unique index allows one connection per registry and remote DID
 * that is not terminated.
 */
@Component
class FederationCatalog {

    private final JdbcClient jdbc;

    FederationCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unique index decides between two concurrent connections to the same remote DID. */
    void claim(UUID connectionId, UUID registryId, String remoteRegistryDid) {
        try {
            jdbc.sql("INSERT INTO federation_catalog (connection_id, registry_id, remote_registry_did, status) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(connectionId, registryId, remoteRegistryDid, FederationStatus.ACTIVE.name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("Registry " + registryId + " already has a federation connection to "
                    + remoteRegistryDid + " that is not terminated");
        }
    }

    /** The registry a connection (of any status) belongs to; empty for no such connection. */
    Optional<UUID> registryOf(UUID connectionId) {
        return jdbc.sql("SELECT registry_id FROM federation_catalog WHERE connection_id = ?")
                .param(connectionId)
                .query(UUID.class)
                .optional();
    }

    void updateStatus(UUID connectionId, FederationStatus status) {
        jdbc.sql("UPDATE federation_catalog SET status = ? WHERE connection_id = ?")
                .params(status.name(), connectionId)
                .update();
    }
}
