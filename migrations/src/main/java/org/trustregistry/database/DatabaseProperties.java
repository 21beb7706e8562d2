package org.trustregistry.database;

import java.nio.file.Path;
import java.time.Duration;
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
            db = new Db(null, null, null, 20, null, null, null);
        }
    }

    /**
     * @param url             JDBC URL of an external PostgreSQL (TRUST_REGISTRY_DB_URL); empty means embedded
     * @param username        its user (TRUST_REGISTRY_DB_USER)
     * @param password        its password (TRUST_REGISTRY_DB_PASSWORD)
     * @param maxPoolSize     connections in the pool
     * @param embedded        settings of the embedded server
     * @param connectionTimeout how long a request waits for a connection (pool exhausted, server gone)
     * @param socketTimeout   how long any statement may wait for the server's answer: a frozen server
     *                        fails the statement instead of hanging the request (TRUST_REGISTRY_DB_SOCKET_TIMEOUT)
     */
    public record Db(String url, String username, String password, int maxPoolSize, Embedded embedded,
                     Duration connectionTimeout, Duration socketTimeout) {
        public Db {
            if (maxPoolSize <= 0) {
                maxPoolSize = 20;
            }
            if (embedded == null) {
                embedded = new Embedded(0, true, false);
            }
            if (connectionTimeout == null) {
                connectionTimeout = Duration.ofMillis(1500);
            }
            if (socketTimeout == null) {
                socketTimeout = Duration.ofSeconds(3);
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
