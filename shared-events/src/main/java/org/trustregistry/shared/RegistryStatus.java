package org.trustregistry.shared;

/** Status of a trust registry: ACTIVE and SUSPENDED alternate; RETIRED is final. */
public enum RegistryStatus {
    ACTIVE,
    SUSPENDED,
    RETIRED;

    public boolean canChangeTo(RegistryStatus target) {
        return this != RETIRED && target != this;
    }
}
