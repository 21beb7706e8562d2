package org.trustregistry.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With {@code url} empty the server starts an embedded PostgreSQL whose files
 * are kept in {@code <data-dir>/postgres}; with {@code url} set it uses that server and starts nothing.
 *
 * @param dataDir  the data directory (environment: TRUST_REGISTRY_DATA_DIR, default ./data)
 * @param db       the database connection
 */
@ConfigurationProperties(prefix = "trust-registry")
public record DatabaseProperties(Path dataDir, Db db) {

    public DatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (db == null) {
            db = new Db(null, null, null, 20, null);
        }
    }

    /**
     * @param url             JDBC URL of an external PostgreSQL (TRUST_REGISTRY_DB_URL); empty means embedded
     * @param username        its user (TRUST_REGISTRY_DB_USER)
     * @param password        its password (TRUST_REGISTRY_DB_PASSWORD)
     * @param maxPoolSize     connections in the pool
     * @param embedded        settings of the embedded server
     */
    public record Db(String url, String username, String password, int maxPoolSize, Embedded embedded) {
        public Db {
            if (maxPoolSize <= 0) {
                maxPoolSize = 20;
            }
            if (embedded == null) {
                embedded = new Embedded(0, true, false);
            }
        }

        public boolean isExternal() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param port    TCP port on localhost, 0 for any free port
     * @param durable fsync and synchronous commit on (the default; only throwaway test databases turn it off)
     * @param clean   wipe the data directory at start (test databases only)
     */
    public record Embedded(int port, boolean durable, boolean clean) {
    }

    public Path embeddedDataDirectory() {
        return dataDir.resolve("postgres");
    }
}
