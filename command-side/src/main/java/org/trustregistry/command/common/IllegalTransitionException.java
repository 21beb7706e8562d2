package org.trustregistry.command.common;

/** A status change the state machine does not allow (HTTP 409). */
public class IllegalTransitionException extends RuleViolationException {

    public IllegalTransitionException(String what, Object from, Object to) {
        super(what + " cannot go from " + from + " to " + to);
    }
}
