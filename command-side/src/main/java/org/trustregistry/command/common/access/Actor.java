package org.trustregistry.command.common.access;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.trustregistry.shared.CanonicalUuid;
import org.trustregistry.shared.MessageMetadata;

/**
 * Who sent a command, as its metadata says (put on by the server for a request's caller, by
 * {@link org.trustregistry.command.common.SystemActor} for what the registry does by itself). A role
 * that is missing or unknown is {@code null}: such a command may do nothing.
 */
public record Actor(String id, Role role, UUID registryId) {

    /** The roles as they travel in {@link MessageMetadata#ACTOR_ROLE} (the server's API key roles, and system). */
    public enum Role {
        ADMIN("admin"),
        REGISTRY_OWNER("registry_owner"),
        AUDITOR("auditor"),
        SYSTEM(MessageMetadata.SYSTEM_ACTOR);

        private final String value;

        Role(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Optional<Role> of(String value) {
            return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
        }
    }

    public static Actor from(Map<String, ?> metadata) {
        Object role = metadata.get(MessageMetadata.ACTOR_ROLE);
        Object id = metadata.get(MessageMetadata.ACTOR_ID);
        Object registry = metadata.get(MessageMetadata.ACTOR_REGISTRY);
        return new Actor(id == null ? null : id.toString(),
                role instanceof String value ? Role.of(value).orElse(null) : null,
                registry instanceof String value ? CanonicalUuid.parse(value).orElse(null) : null);
    }
}
