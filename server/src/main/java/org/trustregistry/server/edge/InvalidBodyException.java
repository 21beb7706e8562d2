package org.trustregistry.server.edge;

/**
 * A request body the body screen refused (HTTP 400): not UTF-8, not JSON, or JSON holding a value no
 * record may hold. {@code member} is the path of the offending member ({@code metadata.note},
 * {@code credentialTypes[2]}) and the message says what is wrong with it ("contains NUL …"); without a
 * member the body as a whole is at fault and the message is a sentence of its own.
 */
public class InvalidBodyException extends RuntimeException {

    private final String member;

    InvalidBodyException(String member, String message) {
        super(message);
        this.member = member;
    }

    public String member() {
        return member;
    }

    /** The whole sentence: what is wrong, and with which member. */
    public String detail() {
        return member == null ? getMessage() : "The member '" + member + "' " + getMessage();
    }
}
