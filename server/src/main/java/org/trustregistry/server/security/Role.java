package org.trustregistry.server.security;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do (API.md, "Authentication and roles"). */
public enum Role {
    ADMIN("admin"),
    REGISTRY_OWNER("registry_owner"),
    AUDITOR("auditor");

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
