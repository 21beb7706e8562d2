package org.trustregistry.command.common;

/** A command names something that does not exist (HTTP 404). */
public class UnknownReferenceException extends RuntimeException {

    public UnknownReferenceException(String message) {
        super(message);
    }
}
