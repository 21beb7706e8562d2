package org.trustregistry.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trustregistry.command.apikey.ApiKeySecrets;
import org.trustregistry.database.DatabaseProperties;
import org.trustregistry.database.OwnerOnly;

/**
 * API key secrets ({@code trk_} + 256 random bits, base64url) and their keyed hash, HMAC-SHA256 under a
 * pepper kept outside the database: {@code trust-registry.security.api-key-pepper}
 * (TRUST_REGISTRY_API_KEY_PEPPER, at least 32 characters; every node of one database needs the same), or
 * else {@code <keys dir>/api-key-pepper}, made at the first start (owner-only; back it up with the keys:
 * without it no key authenticates, and {@code api-keys create} on the command line makes a new admin key).
 * A key is found by the hash alone (one indexed lookup), never by comparing it with every stored key.
 */
@Component
class PepperedApiKeySecrets implements ApiKeySecrets {

    private static final Logger log = LoggerFactory.getLogger(PepperedApiKeySecrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "trk_";

    private final SecretKeySpec pepper;

    PepperedApiKeySecrets(@Value("${trust-registry.security.api-key-pepper:}") String configured,
                          @Value("${trust-registry.keys.dir:}") String keysDir, DatabaseProperties database) {
        byte[] bytes;
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("TRUST_REGISTRY_API_KEY_PEPPER must be at least 32 characters");
            }
            bytes = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            Path directory = (keysDir == null || keysDir.isBlank() ? database.dataDir().resolve("keys")
                    : Path.of(keysDir)).toAbsolutePath();
            bytes = fromFile(directory.resolve("api-key-pepper"));
        }
        this.pepper = new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public String newSecret() {
        return randomSecret();
    }

    static String randomSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    @Override
    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] bytes = Base64.getDecoder().decode(Files.readString(file).trim());
                if (bytes.length < 32) {
                    throw new IllegalStateException(file + " holds fewer than 32 bytes");
                }
                return bytes;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            OwnerOnly.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + System.lineSeparator());
            log.info("Made the API-key pepper {} (back it up with the signing keys)", file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the API-key pepper " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not base64", e);
        }
    }
}
