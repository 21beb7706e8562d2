package org.trustregistry.shared;

/** Who may issue or verify a credential type: anyone, the ecosystem's members, or those a grantor names. */
public enum AuthorizationMode {
    OPEN,
    ECOSYSTEM,
    GRANTOR
}
