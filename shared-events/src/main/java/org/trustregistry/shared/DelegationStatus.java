package org.trustregistry.shared;

/**
 * Status of a delegation. REVOKED: withdrawn by an operator. LAPSED: it stopped conferring authority
 * because its delegator lost it (suspended, revoked, expired, or no longer holding a delegated type).
 * Both are final: authority restored upstream is delegated anew.
 */
public enum DelegationStatus {
    ACTIVE,
    REVOKED,
    LAPSED
}
