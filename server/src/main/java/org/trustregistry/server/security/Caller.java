package org.trustregistry.server.security;

import java.util.UUID;

/** The authenticated caller of a request: which API key, with which role (and registry, for registry owners). */
public record Caller(UUID keyId, Role role, UUID registryId) {

    public static final String ATTRIBUTE = Caller.class.getName();
    /** Request attribute (Boolean.TRUE): a key was presented and refused, whatever the route. */
    public static final String INVALID_KEY_ATTRIBUTE = Caller.class.getName() + ".invalidKey";
    /** Request attribute: the id of a stored key that was presented but refused (revoked, expired, out of grace). */
    public static final String REFUSED_KEY_ATTRIBUTE = Caller.class.getName() + ".refusedKey";
}
