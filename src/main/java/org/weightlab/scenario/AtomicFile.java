package org.weightlab.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Saving that never leaves a half-written file: scenarios, run exports, pictures and CSV all go through here. */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * Writes the file atomically: the bytes go to a temporary file in the same folder, are forced
     * to disk and then moved over the target, so a crash or a full disk never leaves a
     * half-written file, and an existing file is replaced only by a complete one (keeping its
     * permissions). The target follows {@link SafeFiles#checkWritable}.
     */
    public static void write(Path file, byte[] content) throws ScenarioException {
        // A link is followed (its target replaced, the link kept); devices, pipes and folders are refused.
        Path target = SafeFiles.checkWritable(file);
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC)) {
                out.write(content);
            }
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ScenarioException("cannot write " + file + ": " + JsonFiles.describe(e), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: the temporary file is hidden and harmless.
            }
        }
    }

    /** The replaced file's permissions (a shared, read-only-for-others file stays so). */
    private static void keepPermissions(Path target, Path tmp) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system, or not ours to change: the default permissions will do.
        }
    }
}
