package org.trustregistry.shared;

/** Status of a credential schema. A deprecated schema can no longer be newly authorized for anyone. */
public enum SchemaStatus {
    ACTIVE,
    DEPRECATED;

    public boolean canChangeTo(SchemaStatus target) {
        return target != this;
    }
}
