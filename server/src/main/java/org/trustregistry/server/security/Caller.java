package org.trustregistry.server.security;

import java.util.UUID;

/** The authenticated caller of a request: which API key, with which role (and registry, for registry owners). */
public record Caller(UUID keyId, Role role, UUID registryId) {

    public static final String ATTRIBUTE = Caller.class.getName();
}
