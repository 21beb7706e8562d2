package org.trustregistry.query.did;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.did.DidResolutionFailed;
import org.trustregistry.events.did.DidResolved;
import org.trustregistry.events.did.DidServiceUpdated;
import org.trustregistry.events.federation.FederationConnectionEstablished;
import org.trustregistry.events.registry.TrustRegistryCreated;
import org.trustregistry.query.common.Savepoints;
import org.trustregistry.shared.Did;
import org.trustregistry.shared.Timestamptz;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every DID the registry knows, with its roles (registries' ecosystem DIDs, issuers, verifiers and the
 * remote registries they federate with), and what its directory entry says: service endpoint,
 * metadata, resolved keys. A DID with only a directory entry has no roles.
 * <p>
 * The one projection with a dead-letter queue: an event it cannot store is parked, with every later
 * event of the same DID behind it ({@link #BY_DID}), and the rest of the directory goes on. Each event
 * is written in a savepoint so that a refused statement leaves the batch's transaction usable. The
 * entry of a parked DID is not served (503) until its letters are retried or evicted.
 */
@Component
@ProcessingGroup(DidDirectoryProjection.NAME)
public class DidDirectoryProjection {

    public static final String NAME = "did-directory";

    /**
     * Events are sequenced by the DID they are about, across aggregates (an issuer's registration and the
     * DID's own directory entry): a parked event holds back the later ones of its DID only. The sequence is
     * named by a hash, which the dead-letter table can always store whatever the DID holds.
     */
    public static final SequencingPolicy<EventMessage<?>> BY_DID = event -> {
        String did = didOf(event.getPayload());
        return did == null ? null : sequenceOf(did);
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Savepoints savepoints;

    DidDirectoryProjection(JdbcClient jdbc, JsonMapper json, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.json = json;
        this.savepoints = savepoints;
    }

    @EventHandler
    void on(TrustRegistryCreated event) {
        savepoints.run(() -> know(event.ecosystemDid(), "registry", event.createdAt()));
    }

    @EventHandler
    void on(EntityRegistered event) {
        savepoints.run(() -> know(event.did(), event.entityType().name().toLowerCase(), event.registeredAt()));
    }

    @EventHandler
    void on(FederationConnectionEstablished event) {
        savepoints.run(() -> know(event.remoteRegistryDid(), "federated-registry", event.establishedAt()));
    }

    @EventHandler
    void on(DidServiceUpdated event) {
        savepoints.run(() -> {
            ensure(event.did(), event.updatedAt());
            jdbc.sql("UPDATE did_directory SET service_type = ?, service_endpoint = ?, metadata = CAST(? AS jsonb), "
                            + "updated_at = ? WHERE did = ?")
                    .params(event.serviceType(), event.serviceEndpoint(),
                            json.writeValueAsString(event.metadata() == null ? java.util.Map.of() : event.metadata()),
                            utc(event.updatedAt()), event.did())
                    .update();
        });
    }

    @EventHandler
    void on(DidResolved event) {
        savepoints.run(() -> {
            ensure(event.did(), event.resolvedAt());
            jdbc.sql("UPDATE did_directory SET public_keys = CAST(? AS jsonb), resolution_source = ?, resolved_at = ?, "
                            + "resolution_error = NULL, resolution_failed_at = NULL, updated_at = ? WHERE did = ?")
                    .params(json.writeValueAsString(event.publicKeys()), event.source(), utc(event.resolvedAt()),
                            utc(event.resolvedAt()), event.did())
                    .update();
        });
    }

    /** The keys resolved before, if any, stay: they are the last known ones. */
    @EventHandler
    void on(DidResolutionFailed event) {
        savepoints.run(() -> {
            ensure(event.did(), event.failedAt());
            jdbc.sql("UPDATE did_directory SET resolution_error = ?, resolution_failed_at = ?, updated_at = ? "
                            + "WHERE did = ?")
                    .params(event.reason(), utc(event.failedAt()), utc(event.failedAt()), event.did())
                    .update();
        });
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM did_directory").update();
    }

    /** The dead-letter sequence of a DID (see {@link #BY_DID}). */
    public static String sequenceOf(String did) {
        try {
            return "did:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(did.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String didOf(Object payload) {
        if (payload instanceof TrustRegistryCreated e) {
            return e.ecosystemDid();
        } else if (payload instanceof EntityRegistered e) {
            return e.did();
        } else if (payload instanceof FederationConnectionEstablished e) {
            return e.remoteRegistryDid();
        } else if (payload instanceof DidServiceUpdated e) {
            return e.did();
        } else if (payload instanceof DidResolved e) {
            return e.did();
        } else if (payload instanceof DidResolutionFailed e) {
            return e.did();
        }
        return null;
    }

    /**
     * The DID known, with the role among its roles (sorted), in one statement: a new DID is inserted with it, a
     * known one without it gains it, a known one with it is left as it is (one round trip per event, not two).
     */
    private void know(String did, String role, Instant at) {
        jdbc.sql("INSERT INTO did_directory AS d (did, did_method, roles, first_seen_at, updated_at) "
                        + "VALUES (:did, :method, ARRAY[CAST(:role AS varchar)], :at, :at) "
                        + "ON CONFLICT (did) DO UPDATE SET roles = ARRAY(SELECT DISTINCT r FROM unnest(array_append("
                        + "d.roles, CAST(:role AS varchar))) r ORDER BY r), updated_at = :at "
                        + "WHERE NOT (CAST(:role AS varchar) = ANY(d.roles))")
                .param("did", did).param("method", new Did(did).method()).param("role", role).param("at", utc(at))
                .update();
    }

    private void ensure(String did, Instant at) {
        jdbc.sql("INSERT INTO did_directory (did, did_method, first_seen_at, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (did) DO NOTHING")
                .params(did, new Did(did).method(), utc(at), utc(at))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return Timestamptz.of(instant);
    }
}
