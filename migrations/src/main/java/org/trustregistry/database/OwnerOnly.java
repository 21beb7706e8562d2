package org.trustregistry.database;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory is for its owner only: directories 0700, files 0600, executables 0700. It holds the
 * database, the registries' private signing keys and the bootstrap admin key; zonky unpacks the
 * PostgreSQL binaries world-writable (0777, made for a temp folder shared between users). Symbolic links
 * are neither followed nor changed. Where the file system has no POSIX permissions nothing is done.
 */
public final class OwnerOnly {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwx------");
    private static final int STICKY = 01000;

    private OwnerOnly() {
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates a directory and its missing parents, each owner-only. */
    public static void createDirectories(Path directory) throws IOException {
        if (!posix()) {
            Files.createDirectories(directory);
            return;
        }
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(absolute, DIRECTORY); // the umask may have taken the owner's bits
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // created meanwhile (another thread, another process): restrict() takes care of it
        }
    }

    /** Makes {@code root} and everything below it owner-only; missing: nothing to do. */
    public static void restrict(Path root) throws IOException {
        if (!posix() || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                set(directory, DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    boolean executable = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                            .contains(PosixFilePermission.OWNER_EXECUTE);
                    set(file, executable ? EXECUTABLE : FILE);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // PostgreSQL removed a temporary file meanwhile
                }
                throw e;
            }
        });
    }

    /**
     * Makes one directory owner-only, not what it holds: the data directory itself, which the operator
     * chose and may share with other files. A shared directory with the sticky bit (such as /tmp) or the
     * root of a file system is left as it is, with a warning.
     */
    public static void restrictDirectory(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!posix() || !Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (absolute.getParent() == null || sticky(absolute)) {
            log.warn("The data directory {} is shared (a file system root or sticky); its entries are made "
                    + "owner-only, the directory itself is left as it is", absolute);
            return;
        }
        set(absolute, DIRECTORY);
    }

    private static boolean sticky(Path directory) {
        try {
            return ((Integer) Files.getAttribute(directory, "unix:mode", LinkOption.NOFOLLOW_LINKS) & STICKY) != 0;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return true; // cannot tell: leave it alone
        }
    }

    private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
                Files.setPosixFilePermissions(path, EnumSet.copyOf(permissions));
            }
        } catch (NoSuchFileException e) {
            // gone meanwhile
        }
    }
}
