package org.trustregistry.query.audit;

/**
 * The {@code result} of an audit-log row: SUCCESS for an event a command produced, DENIED and REJECTED for
 * refused requests (see {@link org.trustregistry.events.access.RefusalKind}).
 */
public enum AuditResult {
    SUCCESS,
    DENIED,
    REJECTED
}
