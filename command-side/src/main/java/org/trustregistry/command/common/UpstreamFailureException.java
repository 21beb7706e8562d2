package org.trustregistry.command.common;

/**
 * A remote system a command depends on failed or did not answer in time (HTTP 502, or 504 when it
 * timed out), such as the web server of a did:web DID. The caller's request was fine.
 */
public class UpstreamFailureException extends RuntimeException {

    private final boolean timedOut;

    public UpstreamFailureException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
