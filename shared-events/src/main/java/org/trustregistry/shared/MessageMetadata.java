package org.trustregistry.shared;

/**
 * Keys of the metadata every command carries and every event inherits from its command: who did it
 * (API key id, role and, for a registry owner, its registry) and the HTTP request it came from.
 */
public final class MessageMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    /** The registry a {@code registry_owner} key is scoped to (absent for other roles). */
    public static final String ACTOR_REGISTRY = "actorRegistryId";
    public static final String REQUEST_ID = "requestId";

    /** The actor of what the registry does by itself, such as expiring an entity whose validUntil passed. */
    public static final String SYSTEM_ACTOR = "system";

    private MessageMetadata() {
    }
}
