package org.trustregistry.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What zonky unpacks world-writable becomes owner-only; links are not followed. */
class OwnerOnlyTest {

    @TempDir
    Path temp;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void directories_become_0700_files_0600_and_executables_0700() throws Exception {
        Path root = Files.createDirectories(temp.resolve("binaries/bin"));
        Files.setPosixFilePermissions(root.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path postgres = Files.writeString(root.resolve("postgres"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path library = Files.writeString(root.getParent().resolve("lib.so"), "x");
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path outside = Files.writeString(temp.resolve("outside"), "not ours");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(root.resolve("link"), outside);

        OwnerOnly.restrict(root.getParent());

        assertThat(mode(root.getParent())).isEqualTo("rwx------");
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(postgres)).isEqualTo("rwx------");
        assertThat(mode(library)).isEqualTo("rw-------");
        assertThat(mode(outside)).as("a link's target is left alone").isEqualTo("rw-r--r--");
    }

    @Test
    void created_directories_are_owner_only_and_a_shared_directory_is_left_as_it_is() throws Exception {
        Path created = temp.resolve("data/keys/registry");
        OwnerOnly.createDirectories(created);
        assertThat(mode(temp.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(created)).isEqualTo("rwx------");

        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        OwnerOnly.restrictDirectory(shared);
        assertThat(mode(shared)).as("sticky: like /tmp").isEqualTo("rwxrwxrwx");
        Path own = Files.createDirectory(temp.resolve("own"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        OwnerOnly.restrictDirectory(own);
        assertThat(mode(own)).isEqualTo("rwx------");
    }
}
