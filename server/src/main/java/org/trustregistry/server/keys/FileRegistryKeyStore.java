package org.trustregistry.server.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trustregistry.command.registry.SigningKeys;
import org.trustregistry.database.DatabaseProperties;
import org.trustregistry.database.OwnerOnly;
import org.trustregistry.query.entry.EntrySigner;

/**
 * Registries' Ed25519 signing keys, kept as files: {@code <keys dir>/<registry id>/<key name>.pk8}
 * (PKCS#8, readable by the owner only). The directory is {@code trust-registry.keys.dir}
 * (TRUST_REGISTRY_KEYS_DIR), by default {@code <data dir>/keys}; back it up with the database — the
 * event store has only the public keys. Keys are never overwritten, so rotation keeps every old key.
 */
@Component
public class FileRegistryKeyStore implements SigningKeys, EntrySigner {

    private final Path directory;
    private final Map<String, PrivateKey> cache = new ConcurrentHashMap<>();

    FileRegistryKeyStore(@Value("${trust-registry.keys.dir:}") String configured, DatabaseProperties database) {
        this.directory = (configured == null || configured.isBlank() ? database.dataDir().resolve("keys")
                : Path.of(configured)).toAbsolutePath();
        try {
            OwnerOnly.restrict(directory); // what earlier versions created with the umask's permissions
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the key directory " + directory + " owner-only", e);
        }
    }

    @Override
    public Map<String, Object> generate(UUID registryId, String kid) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Path file = file(registryId, kid);
            OwnerOnly.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, pair.getPrivate().getEncoded());
            cache.put(kid, pair.getPrivate());
            byte[] spki = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
            jwk.put("kid", kid);
            return jwk;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the signing key of registry " + registryId + " in "
                    + directory, e);
        }
    }

    @Override
    public byte[] sign(UUID registryId, String kid, byte[] signingInput) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(cache.computeIfAbsent(kid, k -> load(registryId, k)));
            signature.update(signingInput);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with " + kid, e);
        }
    }

    private PrivateKey load(UUID registryId, String kid) {
        Path file = file(registryId, kid);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("The signing key " + kid + " is missing from " + file
                    + " (restore the key directory from its backup)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key file " + file + " is not an Ed25519 key", e);
        }
    }

    private Path file(UUID registryId, String kid) {
        String name = kid.substring(kid.lastIndexOf('#') + 1).replaceAll("[^A-Za-z0-9_-]", "_");
        return directory.resolve(registryId.toString()).resolve(name + ".pk8");
    }
}
