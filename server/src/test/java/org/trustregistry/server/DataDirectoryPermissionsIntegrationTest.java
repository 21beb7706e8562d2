package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The data directory of the running server (the tests' target/it-data) is its owner's only: nothing in
 * it, the unpacked PostgreSQL binaries included, has a permission bit for the group or for others.
 */
class DataDirectoryPermissionsIntegrationTest extends IntegrationTest {

    private static final Set<PosixFilePermission> NOT_THE_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void nothing_in_the_data_directory_is_open_to_the_group_or_others() throws IOException {
        createRegistry(); // writes a signing key
        Path root = Path.of("target/it-data");
        List<String> open = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                check(directory);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!attributes.isSymbolicLink()) {
                    check(file);
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // a temporary file PostgreSQL removed meanwhile
                }
                throw e;
            }

            private void check(Path path) throws IOException {
                try {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                    if (permissions.stream().anyMatch(NOT_THE_OWNER::contains)) {
                        open.add(PosixFilePermissions.toString(permissions) + " " + path);
                    }
                } catch (NoSuchFileException e) {
                    // gone meanwhile
                }
            }
        });

        assertThat(open).as("open to the group or others").isEmpty();
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(root.resolve("postgres"))).isEqualTo("rwx------");
        assertThat(files).as("the database, the binaries and the keys were walked").hasSizeGreaterThan(500)
                .anyMatch(file -> file.toString().endsWith(".pk8"))
                .anyMatch(file -> file.startsWith(root.resolve("postgres")));
        Path postgres = files.stream().filter(file -> file.startsWith(root.resolve("postgres-binaries"))
                && file.getFileName().toString().equals("postgres") && file.getParent().endsWith("bin"))
                .findFirst().orElseThrow();
        assertThat(mode(postgres)).as("an executable stays executable, by its owner").isEqualTo("rwx------");
    }
}
