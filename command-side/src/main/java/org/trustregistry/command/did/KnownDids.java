package org.trustregistry.command.did;

import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the registry knows a DID, from the command side's own records: a registry's ecosystem DID
 * (registry_catalog), an issuer's or verifier's DID (entity_did_claims), or a DID that already has a
 * directory entry (its DidEntry stream in the event store); and to which registries a DID belongs.
 */
@Component
class KnownDids {

    private final JdbcClient jdbc;

    KnownDids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The registries a DID belongs to: those it is the ecosystem DID of, or has an issuer or verifier with it. */
    Set<UUID> registriesOf(String did) {
        return jdbc.sql("""
                        SELECT registry_id FROM registry_catalog WHERE ecosystem_did = :did
                        UNION SELECT registry_id FROM entity_did_claims WHERE did = :did""")
                .param("did", did)
                .query(UUID.class)
                .set();
    }

    boolean knows(String did) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM registry_catalog WHERE ecosystem_did = :did)
                            OR EXISTS (SELECT 1 FROM entity_did_claims WHERE did = :did)
                            OR EXISTS (SELECT 1 FROM domain_event_entry
                                       WHERE aggregate_identifier = :did AND type = :type)""")
                .param("did", did)
                .param("type", DidEntry.class.getSimpleName())
                .query(Boolean.class)
                .single();
    }
}
