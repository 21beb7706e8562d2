package org.trustregistry.query.common;

/**
 * The record exists but cannot serve the query (HTTP 409): for instance a credential schema stored
 * before JSON Schemas were checked on registration, which the validator cannot compile.
 */
public class UnusableRecordException extends RuntimeException {

    public UnusableRecordException(String message) {
        super(message);
    }
}
