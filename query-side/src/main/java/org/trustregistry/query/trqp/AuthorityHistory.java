package org.trustregistry.query.trqp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.StampedLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trustregistry.query.admin.InMemoryCopy;
import org.trustregistry.query.common.ProjectionUnavailableException;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.GoodStanding;
import org.trustregistry.shared.RecognitionScope;
import org.trustregistry.shared.Timestamptz;
import org.trustregistry.shared.ValidityWindow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded authority history ({@link AuthorityHistoryProjection}'s tables) held in memory, and the one
 * place that says what stood at an instant T: a registry active at T, an entity in good standing at T (ACTIVE,
 * in a period that contains T, inside its validity window at T), a credential type held at T, a delegation in
 * force at T, a federation connection recognizing a scope at T. TRQP, {@code /v2/query}, the Ayra reads and
 * {@code ?asOf=} all ask it, none of them PostgreSQL.
 *
 * <p>It is loaded from the tables at start (before the projection engine runs) and kept current by the
 * projection: every change the projection writes to a table it also stages here, in the same transaction, and
 * the staged changes are applied when that transaction commits (discarded when it rolls back), before the engine
 * reports the batch as processed, so read-your-writes and the fail-closed guard hold for it as for the tables.
 * A reader sees the history between two committed batches, never the middle of one (a {@link StampedLock}).
 * If a committed change cannot be applied (the memory would no longer be what the tables say), every read is
 * refused with a 503 until the projection is rebuilt or the server restarted: right or refused.
 *
 * <p>Instants are floored to the microsecond, as PostgreSQL stores them ({@link Timestamptz}), so memory and
 * tables compare alike. Periods are half-open: {@code start <= T < end} (no end: still current).
 */
@Component
public class AuthorityHistory implements SmartLifecycle, InMemoryCopy {

    private static final Logger log = LoggerFactory.getLogger(AuthorityHistory.class);

    /** A period of something in one state: from {@code start} (inclusive) to {@code end} (exclusive; null: still). */
    public interface Period {
        Instant start();

        Instant end();

        default boolean contains(Instant t) {
            return during(start(), end(), t);
        }
    }

    /** The last of the periods that contains T, or null. */
    static <P extends Period> P latestAt(List<P> periods, Instant t) {
        P found = null;
        for (P p : periods) {
            if (p.contains(t)) {
                found = p;
            }
        }
        return found;
    }

    /** A period of a registry in one status. */
    public record RegistryPeriod(UUID registryId, String ecosystemDid, String status, Instant start, Instant end,
                                 long seq) implements Period {
        RegistryPeriod closedAt(Instant at) {
            return new RegistryPeriod(registryId, ecosystemDid, status, start, at, seq);
        }
    }

    /** A period of an issuer or verifier in one status with one validity window. */
    public record EntityPeriod(String status, Instant validFrom, Instant validUntil, Instant start, Instant end,
                               long seq) implements Period {
        EntityPeriod closedAt(Instant at) {
            return new EntityPeriod(status, validFrom, validUntil, start, at, seq);
        }
    }

    /** A period in which an entity held a credential type (of one schema). */
    public record TypePeriod(UUID schemaId, String credentialType, Instant start, Instant end, long seq)
            implements Period {
        TypePeriod closedAt(Instant at) {
            return new TypePeriod(schemaId, credentialType, start, at, seq);
        }
    }

    /** A delegation, in force from its grant until its revocation or lapse. */
    public record DelegationPeriod(UUID delegationId, UUID registryId, UUID delegatorId, UUID delegateId,
                                   List<String> credentialTypes, Instant validFrom, Instant validUntil,
                                   Instant start, Instant end) implements Period {
        DelegationPeriod closedAt(Instant at) {
            return new DelegationPeriod(delegationId, registryId, delegatorId, delegateId, credentialTypes,
                    validFrom, validUntil, start, at);
        }
    }

    /** A period of a federation connection in one status. */
    public record RecognitionPeriod(UUID connectionId, UUID registryId, String remoteDid, String status,
                                    List<RecognitionScope> scopes, Instant validFrom, Instant validUntil,
                                    Instant start, Instant end, long seq) implements Period {
        RecognitionPeriod closedAt(Instant at) {
            return new RecognitionPeriod(connectionId, registryId, remoteDid, status, scopes, validFrom, validUntil,
                    start, at, seq);
        }

        RecognitionPeriod next(String newStatus, Instant at, long sequence) {
            return new RecognitionPeriod(connectionId, registryId, remoteDid, newStatus, scopes, validFrom,
                    validUntil, at, null, sequence);
        }
    }

    /** An issuer or verifier record: its kind, registry and DID never change; its periods and types do. */
    public static final class Entity {
        final UUID id;
        final EntityType type;
        final UUID registryId;
        final String did;
        final List<EntityPeriod> periods = new ArrayList<>();
        final List<TypePeriod> types = new ArrayList<>();

        Entity(UUID id, EntityType type, UUID registryId, String did) {
            this.id = id;
            this.type = type;
            this.registryId = registryId;
            this.did = did;
        }

        public UUID id() {
            return id;
        }

        public EntityType type() {
            return type;
        }

        public UUID registryId() {
            return registryId;
        }

        public String did() {
            return did;
        }
    }

    /** The whole history; changed only under the write lock. */
    private static final class State {
        final Map<String, UUID> registryByDid = new HashMap<>();
        final Map<UUID, List<RegistryPeriod>> registries = new HashMap<>();
        final Map<UUID, Entity> entities = new HashMap<>();
        final Map<String, List<Entity>> entitiesByDid = new HashMap<>();
        final Map<UUID, DelegationPeriod> delegations = new HashMap<>();
        final Map<UUID, List<DelegationPeriod>> delegationsTo = new HashMap<>();
        final Map<UUID, List<RecognitionPeriod>> connections = new HashMap<>();
        final Map<UUID, List<UUID>> connectionsOf = new HashMap<>();
    }

    private final StampedLock lock = new StampedLock();
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate snapshot;
    private State state = new State();
    private volatile String broken;
    private volatile boolean running;

    AuthorityHistory(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    // ---------------------------------------------------------------- loading and changing

    @Override
    public void start() {
        long started = System.nanoTime();
        State loaded = snapshot.execute(status -> load());
        long stamp = lock.writeLock();
        try {
            state = loaded;
            broken = null;
        } finally {
            lock.unlockWrite(stamp);
        }
        running = true;
        log.info("Authority history loaded: {} registries, {} entities, {} delegations, {} connections in {} ms",
                loaded.registries.size(), loaded.entities.size(), loaded.delegations.size(),
                loaded.connections.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // before the projection engine (Integer.MAX_VALUE / 2 - 2048), which changes the tables it is loaded from
        return Integer.MAX_VALUE / 2 - 4096;
    }

    /** The history as the tables hold it, read in one snapshot. */
    private State load() {
        State s = new State();
        jdbc.sql("SELECT registry_id, ecosystem_did, status, period_start, period_end, seq FROM registry_periods "
                        + "ORDER BY registry_id, seq")
                .query((RowCallbackHandler) rs -> {
                    RegistryPeriod p = new RegistryPeriod(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), Timestamptz.read(rs, 4), Timestamptz.read(rs, 5), rs.getLong(6));
                    addRegistryPeriod(s, p);
                });
        jdbc.sql("SELECT entity_id, entity_type, registry_id, did, status, valid_from, valid_until, period_start, "
                        + "period_end, seq FROM entity_periods ORDER BY entity_id, seq")
                .query((RowCallbackHandler) rs -> {
                    Entity entity = entity(s, rs.getObject(1, UUID.class), EntityType.valueOf(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getString(4));
                    entity.periods.add(new EntityPeriod(rs.getString(5), Timestamptz.read(rs, 6),
                            Timestamptz.read(rs, 7), Timestamptz.read(rs, 8), Timestamptz.read(rs, 9), rs.getLong(10)));
                });
        jdbc.sql("SELECT entity_id, schema_id, credential_type, period_start, period_end, seq "
                        + "FROM credential_type_periods ORDER BY entity_id, seq")
                .query((RowCallbackHandler) rs -> {
                    Entity entity = s.entities.get(rs.getObject(1, UUID.class));
                    if (entity == null) {
                        throw new IllegalStateException("A credential type is recorded for the unknown entity "
                                + rs.getObject(1, UUID.class));
                    }
                    entity.types.add(new TypePeriod(rs.getObject(2, UUID.class), rs.getString(3),
                            Timestamptz.read(rs, 4), Timestamptz.read(rs, 5), rs.getLong(6)));
                });
        jdbc.sql("SELECT delegation_id, registry_id, delegator_id, delegate_id, credential_types, valid_from, "
                        + "valid_until, period_start, period_end FROM delegation_periods ORDER BY period_start, "
                        + "delegation_id")
                .query((RowCallbackHandler) rs -> addDelegation(s, new DelegationPeriod(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                        List.of((String[]) rs.getArray(5).getArray()), Timestamptz.read(rs, 6),
                        Timestamptz.read(rs, 7), Timestamptz.read(rs, 8), Timestamptz.read(rs, 9))));
        jdbc.sql("SELECT connection_id, registry_id, remote_did, status, recognitions, valid_from, valid_until, "
                        + "period_start, period_end, seq FROM recognition_periods ORDER BY connection_id, seq")
                .query((RowCallbackHandler) rs -> addRecognitionPeriod(s, new RecognitionPeriod(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), scopes(rs.getString(5)),
                        Timestamptz.read(rs, 6), Timestamptz.read(rs, 7), Timestamptz.read(rs, 8),
                        Timestamptz.read(rs, 9), rs.getLong(10))));
        return s;
    }

    private List<RecognitionScope> scopes(String recognitions) {
        List<RecognitionScope> scopes = new ArrayList<>();
        JsonNode array = json.readTree(recognitions);
        if (array != null && array.isArray()) {
            for (JsonNode scope : array) {
                JsonNode action = scope.get("action");
                JsonNode resource = scope.get("resource");
                // what @> '[{"action": a, "resource": r}]' would match: both present, as strings
                scopes.add(new RecognitionScope(action != null && action.isString() ? action.asString() : null,
                        resource != null && resource.isString() ? resource.asString() : null));
            }
        }
        return List.copyOf(scopes);
    }

    /** A change of the history, applied to the memory when the transaction that wrote it to the tables commits. */
    @FunctionalInterface
    interface Change {
        void applyTo(Changes changes);
    }

    /**
     * Stages a change in the current transaction. Outside a transaction there is nothing to commit with, and the
     * projection only ever runs in one: refused, so that memory can never run ahead of the tables.
     */
    void stage(Change change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("The authority history changes only inside a transaction");
        }
        Staged staged = (Staged) TransactionSynchronizationManager.getResource(this);
        if (staged == null) {
            staged = new Staged();
            TransactionSynchronizationManager.bindResource(this, staged);
            TransactionSynchronizationManager.registerSynchronization(staged);
        }
        staged.changes.add(change);
    }

    /** The changes of one transaction. */
    private final class Staged implements TransactionSynchronization {
        final List<Change> changes = new ArrayList<>();

        @Override
        public void afterCommit() {
            apply(changes);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuthorityHistory.this);
        }
    }

    /** Applies committed changes; never throws (the transaction has committed: it cannot be undone now). */
    void apply(List<Change> changes) {
        long stamp = lock.writeLock();
        try {
            Changes writer = new Changes(state);
            for (Change change : changes) {
                State before = writer.state;
                try {
                    change.applyTo(writer);
                } catch (RuntimeException e) {
                    broken = String.valueOf(e.getMessage());
                    log.error("The in-memory authority history no longer matches its tables; TRQP and the reads "
                            + "at a time T are refused until the authority-history projection is rebuilt", e);
                    continue;
                }
                if (writer.state != before) {
                    broken = null; // a reset: memory is what the emptied tables are, again
                }
            }
            state = writer.state;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The operations the projection performs, in the terms of its tables. */
    static final class Changes {
        private State state;

        private Changes(State state) {
            this.state = state;
        }

        void reset() {
            state = new State();
        }

        void registryCreated(UUID registryId, String ecosystemDid, String status, Instant at, long seq) {
            addRegistryPeriod(state, new RegistryPeriod(registryId, ecosystemDid, status, micros(at), null, seq));
        }

        void registryStatusChanged(UUID registryId, String ecosystemDid, String status, Instant at, long seq) {
            Instant end = micros(at);
            List<RegistryPeriod> periods = state.registries.get(registryId);
            if (periods != null) {
                periods.replaceAll(p -> p.end() == null ? p.closedAt(end) : p);
            }
            addRegistryPeriod(state, new RegistryPeriod(registryId, ecosystemDid, status, end, null, seq));
        }

        void entityRegistered(UUID entityId, EntityType type, UUID registryId, String did, String status,
                              Instant validFrom, Instant validUntil, Instant at, long seq) {
            if (state.entities.containsKey(entityId)) {
                throw new IllegalStateException("Entity " + entityId + " is registered twice");
            }
            entity(state, entityId, type, registryId, did).periods.add(new EntityPeriod(status, micros(validFrom),
                    micros(validUntil), micros(at), null, seq));
        }

        /** The current period closed at {@code at}, the next opened (status null: the same). */
        void nextEntityPeriod(UUID entityId, Instant at, long seq, String status, Instant validFrom,
                              Instant validUntil, boolean newFrom, boolean newUntil) {
            Entity entity = state.entities.get(entityId);
            List<EntityPeriod> periods = entity == null ? List.of() : entity.periods;
            int open = -1;
            for (int i = 0; i < periods.size(); i++) {
                if (periods.get(i).end() == null) {
                    if (open >= 0) {
                        throw new IllegalStateException("Entity " + entityId + " has two current periods");
                    }
                    open = i;
                }
            }
            if (open < 0) {
                throw new IllegalStateException("Entity " + entityId + " has no current period");
            }
            Instant end = micros(at);
            EntityPeriod current = periods.get(open);
            periods.set(open, current.closedAt(end));
            periods.add(new EntityPeriod(status == null ? current.status() : status,
                    newFrom ? micros(validFrom) : current.validFrom(),
                    newUntil ? micros(validUntil) : current.validUntil(), end, null, seq));
        }

        void typeAuthorized(UUID entityId, UUID schemaId, String credentialType, Instant at, long seq) {
            Entity entity = state.entities.get(entityId);
            if (entity == null) {
                throw new IllegalStateException("A credential type is authorized for the unknown entity " + entityId);
            }
            entity.types.add(new TypePeriod(schemaId, credentialType, micros(at), null, seq));
        }

        void typeWithdrawn(UUID entityId, UUID schemaId, Instant at) {
            Entity entity = state.entities.get(entityId);
            if (entity != null) {
                Instant end = micros(at);
                entity.types.replaceAll(p -> p.end() == null && p.schemaId().equals(schemaId) ? p.closedAt(end) : p);
            }
        }

        void delegationGranted(UUID delegationId, UUID registryId, UUID delegatorId, UUID delegateId,
                               List<String> types, Instant validFrom, Instant validUntil, Instant at) {
            if (state.delegations.containsKey(delegationId)) {
                throw new IllegalStateException("Delegation " + delegationId + " is granted twice");
            }
            addDelegation(state, new DelegationPeriod(delegationId, registryId, delegatorId, delegateId,
                    List.copyOf(types), micros(validFrom), micros(validUntil), micros(at), null));
        }

        void delegationEnded(UUID delegationId, Instant at) {
            DelegationPeriod delegation = state.delegations.get(delegationId);
            if (delegation == null || delegation.end() != null) {
                return; // as the UPDATE … WHERE period_end IS NULL: nothing to end
            }
            DelegationPeriod ended = delegation.closedAt(micros(at));
            state.delegations.put(delegationId, ended);
            state.delegationsTo.get(delegation.delegateId()).replaceAll(d -> d.delegationId().equals(delegationId)
                    ? ended : d);
        }

        void connectionEstablished(UUID connectionId, UUID registryId, String remoteDid, String status,
                                   List<RecognitionScope> scopes, Instant validFrom, Instant validUntil, Instant at,
                                   long seq) {
            addRecognitionPeriod(state, new RecognitionPeriod(connectionId, registryId, remoteDid, status,
                    scopes == null ? List.of() : scopes.stream().map(scope -> scope == null
                            ? new RecognitionScope(null, null) : scope).toList(),
                    micros(validFrom), micros(validUntil), micros(at), null, seq));
        }

        /** The current periods closed at {@code at}; the last period ending then continues with the new status. */
        void connectionStatusChanged(UUID connectionId, String status, Instant at, long seq) {
            List<RecognitionPeriod> periods = state.connections.get(connectionId);
            if (periods == null) {
                return;
            }
            Instant end = micros(at);
            periods.replaceAll(p -> p.end() == null ? p.closedAt(end) : p);
            periods.stream().filter(p -> end.equals(p.end())).max(Comparator.comparingLong(RecognitionPeriod::seq))
                    .map(p -> p.next(status, end, seq)).ifPresent(periods::add);
        }
    }

    private static void addRegistryPeriod(State s, RegistryPeriod period) {
        s.registryByDid.putIfAbsent(period.ecosystemDid(), period.registryId());
        s.registries.computeIfAbsent(period.registryId(), id -> new ArrayList<>()).add(period);
    }

    private static Entity entity(State s, UUID id, EntityType type, UUID registryId, String did) {
        return s.entities.computeIfAbsent(id, key -> {
            Entity entity = new Entity(id, type, registryId, did);
            s.entitiesByDid.computeIfAbsent(did, d -> new ArrayList<>()).add(entity);
            return entity;
        });
    }

    private static void addDelegation(State s, DelegationPeriod delegation) {
        s.delegations.put(delegation.delegationId(), delegation);
        s.delegationsTo.computeIfAbsent(delegation.delegateId(), id -> new ArrayList<>()).add(delegation);
    }

    private static void addRecognitionPeriod(State s, RecognitionPeriod period) {
        List<RecognitionPeriod> periods = s.connections.computeIfAbsent(period.connectionId(), id -> {
            s.connectionsOf.computeIfAbsent(period.registryId(), r -> new ArrayList<>()).add(id);
            return new ArrayList<>();
        });
        periods.add(period);
    }

    // ---------------------------------------------------------------- reading

    /** Reads the history between two committed batches; refused (503) when the memory is known to be wrong. */
    public <T> T read(java.util.function.Function<View, T> reader) {
        if (broken != null) {
            throw new ProjectionUnavailableException("The projection " + AuthorityHistoryProjection.NAME
                    + " is unavailable: its in-memory copy could not take a change and must be rebuilt",
                    java.time.Duration.ofSeconds(30));
        }
        long stamp = lock.readLock();
        try {
            return reader.apply(new View(state));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Of these issuers and verifiers, those in good standing at T in a registry ACTIVE at T, in the order given
     * (the public lists: the read table filters and orders, this decides who stands).
     */
    public List<UUID> standing(List<UUID> ids, Instant time) {
        Instant t = micros(time);
        return read(view -> {
            List<UUID> standing = new ArrayList<>();
            for (UUID id : ids) {
                Entity entity = view.entity(id);
                if (entity != null && view.standsAt(entity, t) && view.registryActiveAt(entity.registryId(), t)) {
                    standing.add(id);
                }
            }
            return standing;
        });
    }

    /** Whether the memory is usable (false: a committed change could not be applied). */
    public boolean healthy() {
        return broken == null;
    }

    @Override
    public String projection() {
        return AuthorityHistoryProjection.NAME;
    }

    @Override
    public java.util.Optional<String> fault() {
        return java.util.Optional.ofNullable(broken);
    }

    /** Text in code-point order (PostgreSQL's C collation over UTF-8), whatever the machine's locale. */
    public static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    /** UUIDs in PostgreSQL's order (their sixteen bytes compared unsigned), not {@link UUID#compareTo}'s signed one. */
    public static final Comparator<UUID> UUIDS = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** The floor of {@code t} to the microsecond (null stays null): what PostgreSQL would have stored. */
    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether {@code start <= t < end} (no end: open). */
    static boolean during(Instant start, Instant end, Instant t) {
        return !t.isBefore(start) && (end == null || t.isBefore(end));
    }

    /** A consistent view of the history, for the length of one read. Every "at T" rule of the registry is here. */
    public static final class View {
        private final State s;

        private View(State s) {
            this.s = s;
        }

        /** The registry of an ecosystem DID, if the history knows it. */
        public UUID registryOf(String ecosystemDid) {
            return s.registryByDid.get(ecosystemDid);
        }

        /** The registry's period at T (any status), or null. */
        public RegistryPeriod registryAt(UUID registryId, Instant t) {
            return latestAt(s.registries.getOrDefault(registryId, List.of()), t);
        }

        /** The registry's current period, or null. */
        public RegistryPeriod registryNow(UUID registryId) {
            for (RegistryPeriod p : s.registries.getOrDefault(registryId, List.of())) {
                if (p.end() == null) {
                    return p;
                }
            }
            return null;
        }

        /** Whether the registry stood ACTIVE at T. */
        public boolean registryActiveAt(UUID registryId, Instant t) {
            for (RegistryPeriod p : s.registries.getOrDefault(registryId, List.of())) {
                if ("ACTIVE".equals(p.status()) && p.contains(t)) {
                    return true;
                }
            }
            return false;
        }

        public Entity entity(UUID id) {
            return s.entities.get(id);
        }

        /** The records of a DID, in any registry, as issuer or verifier. */
        public List<Entity> entitiesOf(String did) {
            return s.entitiesByDid.getOrDefault(did, List.of());
        }

        public Iterable<Entity> entities() {
            return s.entities.values();
        }

        /** The entity's period that contains T (the latest, should two), or null. */
        public EntityPeriod periodAt(Entity entity, Instant t) {
            return latestAt(entity.periods, t);
        }

        /**
         * Whether the window had ended at T but the expiry is not recorded (yet): the scheduler records it a few
         * seconds late, or after downtime, always effective at validUntil itself. Until then the period still
         * says ACTIVE or SUSPENDED; as of T the entity was expired all the same, as TRQP says.
         */
        public boolean expiredUnrecordedAt(EntityPeriod period, Instant t) {
            return ("ACTIVE".equals(period.status()) || "SUSPENDED".equals(period.status()))
                    && period.validUntil() != null && !t.isBefore(period.validUntil());
        }

        /** The entity's current (open) period, or null. */
        public EntityPeriod current(Entity entity) {
            for (EntityPeriod p : entity.periods) {
                if (p.end() == null) {
                    return p;
                }
            }
            return null;
        }

        /** In good standing at T: a period containing T in which it was ACTIVE and inside its validity window. */
        public boolean standsAt(Entity entity, Instant t) {
            return standingAt(entity, t) != null;
        }

        /** The period in which the entity stood in good standing at T, or null. */
        public EntityPeriod standingAt(Entity entity, Instant t) {
            for (EntityPeriod p : entity.periods) {
                if (p.contains(t) && GoodStanding.at(p.status(), p.validFrom(), p.validUntil(), t)) {
                    return p;
                }
            }
            return null;
        }

        /** The credential types the entity held at T, in the order they were authorized. */
        public List<TypePeriod> typesAt(Entity entity, Instant t) {
            List<TypePeriod> held = new ArrayList<>();
            for (TypePeriod p : entity.types) {
                if (p.contains(t)) {
                    held.add(p);
                }
            }
            return held;
        }

        /** The credential types the entity holds now (open periods). */
        public List<TypePeriod> typesNow(Entity entity) {
            List<TypePeriod> held = new ArrayList<>();
            for (TypePeriod p : entity.types) {
                if (p.end() == null) {
                    held.add(p);
                }
            }
            return held;
        }

        /** Whether the entity held the credential type itself at T. */
        public boolean holdsAt(Entity entity, String credentialType, Instant t) {
            for (TypePeriod p : entity.types) {
                if (p.credentialType().equals(credentialType) && p.contains(t)) {
                    return true;
                }
            }
            return false;
        }

        /** The delegations to the entity in force at T (whatever their windows). */
        public List<DelegationPeriod> delegationsTo(UUID entityId, Instant t) {
            List<DelegationPeriod> found = new ArrayList<>();
            for (DelegationPeriod d : s.delegationsTo.getOrDefault(entityId, List.of())) {
                if (d.contains(t)) {
                    found.add(d);
                }
            }
            return found;
        }

        /**
         * Whether the issuer held the type at T through a chain of delegations every link of which was valid at
         * T: each delegation in force, inside its window and naming the type; each delegator in good standing;
         * and one of the delegators up the chain (at most {@code maxChain} links) holding the type itself.
         */
        public boolean holdsByDelegation(UUID entityId, String credentialType, Instant t, int maxChain) {
            java.util.Set<UUID> reached = new java.util.HashSet<>();
            List<UUID> frontier = List.of(entityId);
            for (int depth = 1; depth <= maxChain && !frontier.isEmpty(); depth++) {
                List<UUID> next = new ArrayList<>();
                for (UUID delegate : frontier) {
                    for (DelegationPeriod d : s.delegationsTo.getOrDefault(delegate, List.of())) {
                        if (!d.credentialTypes().contains(credentialType) || !d.contains(t)
                                || !ValidityWindow.contains(d.validFrom(), d.validUntil(), t)) {
                            continue;
                        }
                        Entity delegator = s.entities.get(d.delegatorId());
                        if (delegator == null || !standsAt(delegator, t)) {
                            continue;
                        }
                        if (holdsAt(delegator, credentialType, t)) {
                            return true;
                        }
                        if (reached.add(delegator.id)) {
                            next.add(delegator.id);
                        }
                    }
                }
                frontier = next;
            }
            return false;
        }

        /** The federation connections of a registry, each with its periods. */
        public List<List<RecognitionPeriod>> connectionsOf(UUID registryId) {
            List<List<RecognitionPeriod>> found = new ArrayList<>();
            for (UUID connection : s.connectionsOf.getOrDefault(registryId, List.of())) {
                found.add(s.connections.get(connection));
            }
            return found;
        }

        /** The connection's period at T (any status), or null. */
        public RecognitionPeriod periodAt(List<RecognitionPeriod> periods, Instant t) {
            return latestAt(periods, t);
        }

        /** Whether the registry recognized the remote DID for the scope at T: ACTIVE, in force, inside its window. */
        public boolean recognizesAt(UUID registryId, String remoteDid, String action, String resource, Instant t) {
            for (List<RecognitionPeriod> periods : connectionsOf(registryId)) {
                for (RecognitionPeriod p : periods) {
                    if (p.remoteDid().equals(remoteDid) && "ACTIVE".equals(p.status())
                            && p.contains(t)
                            && ValidityWindow.contains(p.validFrom(), p.validUntil(), t)
                            && p.scopes().stream().anyMatch(scope -> action.equals(scope.action())
                                    && resource.equals(scope.resource()))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Whether the memory holds exactly what loading the tables now would give (for tests, and for an operator in
     * doubt). A batch committing while it compares can make it answer false once: ask again.
     */
    public boolean matchesTables() {
        State fromTables = snapshot.execute(status -> load());
        return read(view -> describe(view.s).equals(describe(fromTables)));
    }

    private static String describe(State s) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(s.registryByDid).forEach((did, id) -> text.append("did ").append(did).append(' ')
                .append(id).append('\n'));
        new java.util.TreeMap<>(s.registries).forEach((id, periods) -> text.append(id).append(periods).append('\n'));
        new java.util.TreeMap<>(s.entities).forEach((id, e) -> text.append(id).append(' ').append(e.type).append(' ')
                .append(e.registryId).append(' ').append(e.did).append(e.periods).append(e.types).append('\n'));
        new java.util.TreeMap<>(s.entitiesByDid).forEach((did, list) -> text.append(did).append(' ')
                .append(list.stream().map(e -> e.id).sorted().toList()).append('\n'));
        new java.util.TreeMap<>(s.delegations).forEach((id, d) -> text.append(d).append('\n'));
        new java.util.TreeMap<>(s.delegationsTo).forEach((id, list) -> text.append(id)
                .append(list.stream().map(DelegationPeriod::toString).sorted().toList()).append('\n'));
        new java.util.TreeMap<>(s.connections).forEach((id, periods) -> text.append(id).append(periods).append('\n'));
        new java.util.TreeMap<>(s.connectionsOf).forEach((id, list) -> text.append(id)
                .append(list.stream().sorted().toList()).append('\n'));
        return text.toString();
    }
}
