package org.trustregistry.query.common;

/** A query parameter the caller got wrong (HTTP 400), naming the parameter. */
public class BadQueryException extends RuntimeException {

    private final String parameter;

    public BadQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
