package org.trustregistry.command.common.access;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a command touches, as far as access goes: the registries it belongs to, and how a refusal names
 * it ("issuer 42, which belongs to registry 7"). Most things belong to exactly one registry; a DID of the
 * directory belongs to every registry it is the ecosystem DID of or has an issuer or verifier with it.
 */
public record Target(String phrase, Set<UUID> registries) {

    public Target {
        registries = Set.copyOf(registries);
    }

    public boolean belongsTo(UUID registryId) {
        return registryId != null && registries.contains(registryId);
    }

    /** The registry itself. */
    public static Optional<Target> registry(UUID registryId) {
        return registryId == null ? Optional.empty()
                : Optional.of(new Target("registry " + registryId, Set.of(registryId)));
    }

    /** Something to be made in a registry ("an issuer" → "an issuer in registry 7"). */
    public static Optional<Target> newIn(String what, UUID registryId) {
        return registryId == null ? Optional.empty()
                : Optional.of(new Target(what + " in registry " + registryId, Set.of(registryId)));
    }

    /**
     * Something that exists and belongs to a registry ("issuer 42" → "issuer 42, which belongs to
     * registry 7"); the registry as a catalog table holds it, empty when there is no such thing.
     */
    public static Optional<Target> belongingTo(String what, Optional<UUID> registryId) {
        return registryId.map(id -> new Target(what + ", which belongs to registry " + id, Set.of(id)));
    }
}
