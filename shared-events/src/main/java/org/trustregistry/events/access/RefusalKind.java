package org.trustregistry.events.access;

/**
 * Why a request was refused, as the audit log names it: DENIED when the caller was not allowed (401,
 * 403), REJECTED when the request itself was refused (400, 404, 409, 413, 415, 422, 429, …).
 */
public enum RefusalKind {
    DENIED,
    REJECTED;

    /** The kind of a refusal with this HTTP status (a 4xx). */
    public static RefusalKind forStatus(int status) {
        return status == 401 || status == 403 ? DENIED : REJECTED;
    }
}
