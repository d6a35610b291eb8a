package cn.wangjian.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets beside the data: written whole (temporary file, then an atomic move) and readable by the owner only. */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** Writes {@code text} to {@code file} unless it exists (a concurrent first writer wins); true when written. */
    public static boolean createIfAbsent(Path file, String text) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path tmp = temporary(file, text);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(tmp);
            return false;
        }
    }

    /** Replaces {@code file} with {@code text}, whole. */
    public static void replace(Path file, String text) throws IOException {
        Files.move(temporary(file, text), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temporary(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return tmp;
    }
}
