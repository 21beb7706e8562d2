package org.trustregistry.command.apikey;

import java.util.Set;

/** The roles a key can have, as they are written in requests, events and the api_keys table. */
public final class ApiKeyRoles {

    public static final String ADMIN = "admin";
    public static final String REGISTRY_OWNER = "registry_owner";
    public static final String AUDITOR = "auditor";
    public static final Set<String> ALL = Set.of(ADMIN, REGISTRY_OWNER, AUDITOR);

    private ApiKeyRoles() {
    }
}
