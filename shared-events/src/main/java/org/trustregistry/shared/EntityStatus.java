package org.trustregistry.shared;

/**
 * Status of an issuer or verifier. REVOKED is final; EXPIRED comes back only by renewal.
 *
 * @see LifecycleTransition the allowed moves between these
 */
public enum EntityStatus {
    PENDING,
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED;

    public boolean isFinal() {
        return this == REVOKED;
    }
}
