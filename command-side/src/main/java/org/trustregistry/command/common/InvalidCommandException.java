package org.trustregistry.command.common;

import java.util.List;

/**
 * A command whose content is invalid whatever the state (HTTP 400), naming the offending field. One
 * field may have several violations (a JSON Schema that breaks several rules of its meta-schema).
 */
public class InvalidCommandException extends RuntimeException {

    /** One thing wrong with one field. */
    public record Violation(String field, String message) implements java.io.Serializable {
    }

    private final List<Violation> violations;

    public InvalidCommandException(String field, String message) {
        this(message, List.of(new Violation(field, message)));
    }

    public InvalidCommandException(String message, List<Violation> violations) {
        super(message);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid command has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** The first offending field. */
    public String field() {
        return violations.get(0).field();
    }

    public List<Violation> violations() {
        return violations;
    }
}
