package org.trustregistry.query.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;
import org.trustregistry.events.accreditation.EntityProfileUpdated;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.accreditation.EntityRenewed;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.events.registry.RegistrySigningKeyAdded;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.shared.EntityType;

/**
 * For every state of every issuer and verifier, a registry entry signed by its registry (a compact
 * JWS, EdDSA): the entity's DID, registry, status, credential types, validity window and version.
 * Each entry is signed with the registry's key in use when the event happened — when it is first read
 * ({@link RegistryEntrySignatures}); the registry's signing keys are kept alongside (registry_signing_keys)
 * for its DID document.
 */
@Component
@ProcessingGroup(RegistryEntryProjection.NAME)
public class RegistryEntryProjection {

    public static final String NAME = "registry-entries";

    private final RegistryEntryRepository entries;
    private final RegistrySigningKeyRepository keys;

    RegistryEntryProjection(RegistryEntryRepository entries, RegistrySigningKeyRepository keys) {
        this.entries = entries;
        this.keys = keys;
    }

    /**
     * What this batch has read or written, so that a batch with many events of one entity or registry asks the
     * table once (the rows are the batch's own: a rolled-back batch takes its cache with it), and the key each
     * registry signs with as of this batch.
     */
    private record BatchCache(Map<UUID, RegistryEntryView> latest, Map<UUID, RegistrySigningKeyView> keys,
                              Map<UUID, SigningKey> signing) {
    }

    /** What an entry needs of its registry's key in use. */
    private record SigningKey(String kid, String ecosystemDid) {
        static SigningKey of(RegistrySigningKeyView key) {
            return new SigningKey(key.getKid(), key.getEcosystemDid());
        }
    }

    private static final String CACHE = RegistryEntryProjection.class.getName() + ".batch";

    /**
     * The key in use per registry as of the last committed batch: a registry's key changes only through this
     * projection, so a batch asks the table only for a registry it has not seen yet. A batch's keys join it once
     * its transaction has committed; a rebuild empties it.
     */
    private final Map<UUID, SigningKey> committedKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private BatchCache batch() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(CACHE, k -> {
            BatchCache batch = new BatchCache(new HashMap<>(), new HashMap<>(), new HashMap<>());
            if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
                org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                        new org.springframework.transaction.support.TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                committedKeys.putAll(batch.signing());
                            }
                        });
            }
            return batch;
        });
    }

    @EventHandler
    void on(RegistrySigningKeyAdded event) {
        currentKey(event.registryId()).ifPresent(previous -> previous.replacedAt(event.activeFrom()));
        RegistrySigningKeyView key = new RegistrySigningKeyView(event.kid(), event.registryId(), event.ecosystemDid(),
                event.publicKeyJwk(), event.activeFrom());
        keys.insert(key);
        batch().keys().put(event.registryId(), key);
        batch().signing().put(event.registryId(), SigningKey.of(key));
    }

    /** The key the registry signs with now: this batch's, the last committed batch's, or the table's. */
    private Optional<SigningKey> signingKey(UUID registryId) {
        BatchCache batch = batch();
        SigningKey key = batch.signing().get(registryId);
        if (key == null) {
            key = committedKeys.get(registryId);
            if (key == null) {
                key = currentKey(registryId).map(SigningKey::of).orElse(null);
            }
            if (key != null) {
                batch.signing().put(registryId, key);
            }
        }
        return Optional.ofNullable(key);
    }

    private Optional<RegistrySigningKeyView> currentKey(UUID registryId) {
        Map<UUID, RegistrySigningKeyView> known = batch().keys();
        RegistrySigningKeyView key = known.get(registryId);
        if (key == null) {
            key = keys.findFirstByRegistryIdAndReplacedAtIsNull(registryId).orElse(null);
            if (key != null) {
                known.put(registryId, key);
            }
        }
        return Optional.ofNullable(key);
    }

    @EventHandler
    void on(EntityRegistered event, EventMessage<?> message, @SequenceNumber long sequence) {
        Map<String, Object> state = new HashMap<>();
        state.put("type", event.entityType() == EntityType.ISSUER ? "IssuerEntry" : "VerifierEntry");
        state.put("id", event.entityId().toString());
        state.put("did", event.did());
        state.put("registryId", event.registryId().toString());
        state.put("status", "PENDING");
        state.put("credentialTypes", List.of());
        window(state, event.validFrom(), event.validUntil());
        sign(event.entityType(), event.entityId(), state, message, sequence, event.registeredAt());
    }

    @EventHandler
    void on(EntityProfileUpdated event, EventMessage<?> message, @SequenceNumber long sequence) {
        next(event.entityType(), event.entityId(), message, sequence, event.updatedAt(),
                state -> window(state, event.validFrom(), event.validUntil()));
    }

    @EventHandler
    void on(EntityStatusChanged event, EventMessage<?> message, @SequenceNumber long sequence) {
        next(event.entityType(), event.entityId(), message, sequence, event.effectiveAt(), state -> {
            state.put("status", event.newStatus().name());
            if (event instanceof EntityRenewed renewed) {
                state.put("validUntil", renewed.validUntil().toString());
            }
        });
    }

    @EventHandler
    void on(CredentialTypeAuthorized event, EventMessage<?> message, @SequenceNumber long sequence) {
        next(event.entityType(), event.entityId(), message, sequence, event.effectiveAt(), state -> {
            List<Map<String, Object>> types = types(state);
            types.add(Map.of("schemaId", event.schemaId().toString(), "credentialType", event.credentialType()));
            types.sort(Comparator.comparing(t -> (String) t.get("schemaId")));
            state.put("credentialTypes", types);
        });
    }

    @EventHandler
    void on(CredentialTypeWithdrawn event, EventMessage<?> message, @SequenceNumber long sequence) {
        next(event.entityType(), event.entityId(), message, sequence, event.effectiveAt(), state -> {
            List<Map<String, Object>> types = types(state);
            types.removeIf(t -> event.schemaId().toString().equals(t.get("schemaId")));
            state.put("credentialTypes", types);
        });
    }

    @ResetHandler
    void reset() {
        committedKeys.clear();
        entries.deleteEverything();
        keys.deleteAllInBatch();
    }

    private void next(EntityType type, UUID entityId, EventMessage<?> message, long sequence, Instant at,
                      Consumer<Map<String, Object>> change) {
        RegistryEntryView latest = Optional.ofNullable(batch().latest().get(entityId))
                .or(() -> entries.findFirstByEntityIdOrderByVersionDesc(entityId))
                .orElseThrow(() -> new NotFoundException("no entry yet for " + entityId));
        Map<String, Object> state = new HashMap<>(latest.getPayload());
        change.accept(state);
        sign(type, entityId, state, message, sequence, at);
    }

    private void sign(EntityType type, UUID entityId, Map<String, Object> state, EventMessage<?> message,
                      long sequence, Instant at) {
        UUID registryId = UUID.fromString((String) state.get("registryId"));
        SigningKey key = signingKey(registryId)
                .orElseThrow(() -> new NotFoundException("no signing key for registry " + registryId));
        state.put("registryDid", key.ecosystemDid());
        state.put("version", sequence);
        state.put("issuedAt", at.toString());
        // signed with this key when first read (RegistryEntrySignatures): the same bytes as signing now
        RegistryEntryView entry = new RegistryEntryView(UUID.fromString(message.getIdentifier()), registryId,
                type.name(), entityId, (String) state.get("did"), null, state, key.kid(), sequence, at);
        entries.insert(entry);
        batch().latest().put(entityId, entry);
    }

    private static void window(Map<String, Object> state, Instant validFrom, Instant validUntil) {
        state.put("validFrom", validFrom == null ? null : validFrom.toString());
        state.put("validUntil", validUntil == null ? null : validUntil.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> types(Map<String, Object> state) {
        return new ArrayList<>((List<Map<String, Object>>) state.get("credentialTypes"));
    }
}
