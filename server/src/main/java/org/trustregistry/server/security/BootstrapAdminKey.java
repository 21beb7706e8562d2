package org.trustregistry.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trustregistry.database.DatabaseProperties;
import org.trustregistry.database.OwnerOnly;

/**
 * The first admin key. If no API key exists at start-up, TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY becomes
 * the first admin key; without it a key is generated and written to {@code <data dir>/bootstrap-admin-key},
 * readable by its owner only, and the log says where. The key is issued like any other (ApiKeyIssued, the
 * first event of the key history), so this runs once Axon's command handlers are up: first of the
 * application runners, before readiness reports ACCEPTING_TRAFFIC (a request in that instant gets 401).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "trust-registry.command-line", havingValue = "false", matchIfMissing = true)
class BootstrapAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

    private final ApiKeys keys;
    private final String configuredKey;
    private final Path dataDir;

    BootstrapAdminKey(ApiKeys keys, @Value("${trust-registry.security.bootstrap-admin-key:}") String configuredKey,
                      DatabaseProperties database) {
        this.keys = keys;
        this.configuredKey = configuredKey;
        this.dataDir = database.dataDir();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!keys.isEmpty()) {
            return;
        }
        if (configuredKey != null && !configuredKey.isBlank()) {
            if (configuredKey.length() < 16) {
                throw new IllegalStateException("TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY must be at least 16 characters");
            }
            keys.store("bootstrap admin", configuredKey, Role.ADMIN, null, "bootstrap");
            log.info("No API key existed: the key in TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY is now the first admin key");
            return;
        }
        String key = ApiKeys.newKey();
        Path file = dataDir.resolve("bootstrap-admin-key").toAbsolutePath();
        try {
            OwnerOnly.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + System.lineSeparator());
        } catch (UnsupportedOperationException e) {
            writePlain(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the bootstrap admin key to " + file, e);
        }
        keys.store("bootstrap admin", key, Role.ADMIN, null, "bootstrap");
        log.warn("No API key existed: generated the first admin key and wrote it to {} (readable by its owner only)",
                file);
    }

    private static void writePlain(Path file, String key) {
        try {
            Files.writeString(file, key + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the bootstrap admin key to " + file, e);
        }
    }
}
