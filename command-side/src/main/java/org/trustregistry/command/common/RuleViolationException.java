package org.trustregistry.command.common;

/** A command the business rules refuse (HTTP 409): it would break a rule, and nothing was changed. */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
