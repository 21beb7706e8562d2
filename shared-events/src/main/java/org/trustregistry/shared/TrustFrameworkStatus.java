package org.trustregistry.shared;

/** Status of a trust framework: ACTIVE, then DEPRECATED, then RETIRED (final). Only forward. */
public enum TrustFrameworkStatus {
    ACTIVE,
    DEPRECATED,
    RETIRED;

    public boolean canChangeTo(TrustFrameworkStatus target) {
        return (this == ACTIVE && target == DEPRECATED) || (this == DEPRECATED && target == RETIRED);
    }
}
