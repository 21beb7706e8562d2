package org.trustregistry.command.accreditation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.UnknownReferenceException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.registry.RegistryCatalog;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.shared.EntityType;

/**
 * The rules for admitting an issuer or verifier that span aggregates: its registry must exist and be
 * open, its DID must be free in that registry, and the schemas it is to be authorized for must exist.
 * The DID claim is a row in entity_did_claims written in the transaction of the registration events,
 * so of two concurrent registrations of one DID exactly one commits.
 */
@Component
public class Admission {

    private final JdbcClient jdbc;
    private final RegistryCatalog registries;
    private final SchemaCatalog schemas;

    Admission(JdbcClient jdbc, RegistryCatalog registries, SchemaCatalog schemas) {
        this.jdbc = jdbc;
        this.registries = registries;
        this.schemas = schemas;
    }

    /** Checks the application and claims the DID; returns the schemas to authorize, in order, without repeats. */
    public List<SchemaCatalog.Entry> admit(EntityType type, UUID entityId, String did, UUID registryId,
                                           EntityProfile profile, List<UUID> schemaIds) {
        Validation.requireDid("did", did);
        if (registryId == null) {
            throw new InvalidCommandException("registryId", "the registry is required");
        }
        profile.validate();
        registries.requireOpenRegistry(registryId);
        List<SchemaCatalog.Entry> entries = new ArrayList<>();
        for (UUID schemaId : new LinkedHashSet<>(schemaIds == null ? List.<UUID>of() : schemaIds)) {
            entries.add(schema(schemaId));
        }
        try {
            jdbc.sql("INSERT INTO entity_did_claims (entity_type, registry_id, did, entity_id) VALUES (?, ?, ?, ?)")
                    .params(type.name(), registryId, did, entityId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException(did + " is already registered as " + type.name().toLowerCase()
                    + " in registry " + registryId);
        }
        return entries;
    }

    /** The registry an admitted issuer or verifier belongs to (its claim); empty for no such entity. */
    public Optional<UUID> registryOf(EntityType type, UUID entityId) {
        return jdbc.sql("SELECT registry_id FROM entity_did_claims WHERE entity_type = ? AND entity_id = ?")
                .params(type.name(), entityId)
                .query(UUID.class)
                .optional();
    }

    public SchemaCatalog.Entry schema(UUID schemaId) {
        if (schemaId == null) {
            throw new InvalidCommandException("schemaId", "the schema is required");
        }
        return schemas.find(schemaId).orElseThrow(() -> new UnknownReferenceException("No schema " + schemaId));
    }
}
