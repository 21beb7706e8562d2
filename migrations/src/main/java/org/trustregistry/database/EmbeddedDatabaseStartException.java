package org.trustregistry.database;

import java.nio.file.Path;

/** The embedded PostgreSQL could not start; the message says what the operator can do about it. */
public class EmbeddedDatabaseStartException extends RuntimeException {

    public EmbeddedDatabaseStartException(Path dataDirectory, Throwable cause) {
        super(message(dataDirectory, cause), cause);
    }

    private static String message(Path dataDirectory, Throwable cause) {
        String detail = rootMessage(cause);
        StringBuilder text = new StringBuilder("The embedded PostgreSQL could not start with data in ")
                .append(dataDirectory).append(": ").append(detail).append('.');
        if (detail.contains("root") || (isRoot() && detail.contains("unshare"))) {
            text.append(" PostgreSQL refuses to run as root; the embedded one runs in a user namespace"
                    + " (unshare -U) when started as root, which this machine does not allow."
                    + " Run the server as a normal user, or point TRUST_REGISTRY_DB_URL"
                    + " (with TRUST_REGISTRY_DB_USER and TRUST_REGISTRY_DB_PASSWORD) at a PostgreSQL server.");
        } else {
            text.append(" Check that the data directory (TRUST_REGISTRY_DATA_DIR) is writable and was created"
                    + " by the same user, or point TRUST_REGISTRY_DB_URL at a PostgreSQL server.");
        }
        return text.toString();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
