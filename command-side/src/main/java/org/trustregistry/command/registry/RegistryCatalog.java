package org.trustregistry.command.registry;

import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.shared.RegistryStatus;

/**
 * The command side's own table of registries (registry_catalog): which exist, the ecosystem DID each
 * holds, and their status. Written in the transaction that appends the registry's events.
 */
@Component
public class RegistryCatalog {

    private final JdbcClient jdbc;

    RegistryCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One registry per ecosystem DID: the unique key decides between two concurrent claims. */
    void claim(UUID registryId, String ecosystemDid) {
        try {
            jdbc.sql("INSERT INTO registry_catalog (registry_id, ecosystem_did, status) VALUES (?, ?, ?)")
                    .params(registryId, ecosystemDid, RegistryStatus.ACTIVE.name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("A registry for ecosystem " + ecosystemDid + " already exists");
        }
    }

    void updateStatus(UUID registryId, RegistryStatus status) {
        jdbc.sql("UPDATE registry_catalog SET status = ? WHERE registry_id = ?")
                .params(status.name(), registryId)
                .update();
    }

    public Optional<RegistryStatus> statusOf(UUID registryId) {
        return jdbc.sql("SELECT status FROM registry_catalog WHERE registry_id = ?")
                .param(registryId)
                .query(String.class)
                .optional()
                .map(RegistryStatus::valueOf);
    }

    /** The ecosystem DID the registry holds (its TRQP authority_id). */
    public Optional<String> ecosystemDidOf(UUID registryId) {
        return jdbc.sql("SELECT ecosystem_did FROM registry_catalog WHERE registry_id = ?")
                .param(registryId)
                .query(String.class)
                .optional();
    }

    /** A registry that exists and is not retired: only those accept new members. */
    public void requireOpenRegistry(UUID registryId) {
        RegistryStatus status = statusOf(registryId)
                .orElseThrow(() -> new UnknownReferenceException("No registry " + registryId));
        if (status == RegistryStatus.RETIRED) {
            throw new RuleViolationException("Registry " + registryId + " is retired and accepts nothing new");
        }
    }
}
