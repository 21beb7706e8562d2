package org.trustregistry.command.common;

/** A command whose content is invalid whatever the state (HTTP 400), naming the offending field. */
public class InvalidCommandException extends RuntimeException {

    private final String field;

    public InvalidCommandException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
