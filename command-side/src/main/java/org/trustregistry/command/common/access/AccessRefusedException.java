package org.trustregistry.command.common.access;

/**
 * The caller's key may not send this command (HTTP 403). The message says what the key lacks, in the
 * API's words, never in Java's; nothing was changed (the command never reached its handler).
 */
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String message) {
        super(message);
    }
}
