package org.trustregistry.shared;

/** Status of a federation connection: ACTIVE and SUSPENDED alternate; TERMINATED is final. */
public enum FederationStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED;

    public boolean canChangeTo(FederationStatus target) {
        return this != TERMINATED && target != this;
    }
}
