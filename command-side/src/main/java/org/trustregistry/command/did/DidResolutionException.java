package org.trustregistry.command.did;

/**
 * Resolving a DID was attempted and failed: the failure is recorded ({@code DidResolutionFailed}) and
 * the caller gets a 502 (504 when the remote side did not answer in time).
 */
class DidResolutionException extends Exception {

    private final String source;
    private final boolean timedOut;

    DidResolutionException(String message, String source, boolean timedOut) {
        super(message);
        this.source = source;
        this.timedOut = timedOut;
    }

    String source() {
        return source;
    }

    boolean timedOut() {
        return timedOut;
    }
}
