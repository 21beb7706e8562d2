package org.trustregistry.server.edge;

/**
 * A request body the body screen refused (HTTP 400): not UTF-8, not JSON, or JSON holding a value no
 * record may hold. {@code member} is the body's member at fault ({@code metadata}), as field errors name
 * the members of a request, and {@code location} the exact place inside it ({@code metadata.notes[2]});
 * the message says what is wrong there ("contains NUL …"). Without a member the body as a whole is at
 * fault and the message is a sentence of its own.
 */
public class InvalidBodyException extends RuntimeException {

    private final String member;
    private final String location;

    InvalidBodyException(String member, String location, String message) {
        super(message);
        this.member = member;
        this.location = location;
    }

    InvalidBodyException(String message) {
        this(null, null, message);
    }

    public String member() {
        return member;
    }

    /** What is wrong, and where, for the member's field error. */
    public String problem() {
        return location == null || location.equals(member) ? getMessage() : getMessage() + " (at " + location + ")";
    }

    /** The whole sentence: what is wrong, and with which member. */
    public String detail() {
        return member == null ? getMessage() : "The member '" + location + "' " + getMessage();
    }
}
