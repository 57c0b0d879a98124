package com.kfgateway.admin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a secret to a file only the server's user can read. On POSIX file systems the file is created with mode 600
 * in the same call, so there is no moment in which others could open it; elsewhere (Windows) it inherits the
 * directory's rights, which is why the server log says where it is and to delete it after use.
 */
final class SecretFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /** Replaces any earlier file: it held a password for a user that no longer exists. */
    static void write(Path file, String content) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.deleteIfExists(file);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.getFileStore(file.getParent() == null ? Path.of(".") : file.getParent())
                .supportsFileAttributeView("posix")) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                throw new IOException(file + " appeared while it was being written; not trusting it", e);
            }
            // The umask may have narrowed the mode further; it can never have widened it, but say it exactly.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }
}
