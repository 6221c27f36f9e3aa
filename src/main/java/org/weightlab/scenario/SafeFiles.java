package org.weightlab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The rules every file WeightLab opens or writes follows, on the command line and in the window
 * alike, checked before any work is done:
 * <ul>
 *   <li>{@link #checkReadable}: only a regular file is read (a folder, device, named pipe or socket
 *       is refused before it is opened, so a pipe with no writer cannot hang the program);</li>
 *   <li>{@link #checkWritable}: only a regular file or a new name in an existing, writable folder
 *       is written; a symbolic link is followed and its target written (the link stays a link),
 *       a device, pipe or folder is never replaced;</li>
 *   <li>{@link #checkDistinct}: an output is never the input it is made from (also through
 *       symbolic or hard links), so saving a run over its own scenario cannot destroy it.</li>
 * </ul>
 * Each check fails with a {@link ScenarioException} whose one-line message names the file.
 */
public final class SafeFiles {

    private SafeFiles() {
    }

    /** {@code text} as a path, refusing the empty name and names the file system cannot hold. */
    public static Path path(String text) throws ScenarioException {
        if (text == null || text.isBlank()) {
            throw new ScenarioException("no file name given");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ScenarioException(text + ": not a valid file name");
        }
    }

    /** Refuses anything but an existing regular file (links are followed), without opening it. */
    public static void checkReadable(Path file) throws ScenarioException {
        BasicFileAttributes a = attributes(file);
        if (a == null) {
            throw new ScenarioException(file + ": no such file");
        }
        if (a.isDirectory()) {
            throw new ScenarioException(file + ": is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new ScenarioException(file + ": " + NOT_REGULAR);
        }
    }

    private static final String NOT_REGULAR = "is not a regular file (a device, named pipe or socket)";

    /**
     * Checks that {@code file} can be written the safe way (a complete temporary file in the same
     * folder, then renamed over the target) and returns the path to write: the file itself, or the
     * file a symbolic link points to, so that the link is kept. Nothing is left behind.
     */
    public static Path checkWritable(Path file) throws ScenarioException {
        if (file.toString().isEmpty()) {
            throw new ScenarioException("no file name given");
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ScenarioException("cannot write " + file + ": folder " + folder + " does not exist");
        }
        Path target;
        BasicFileAttributes a = attributes(file);
        if (a != null) {
            if (a.isDirectory()) {
                throw new ScenarioException("cannot write " + file + ": it is a folder");
            }
            if (!a.isRegularFile()) {
                throw new ScenarioException("cannot write " + file + ": it " + NOT_REGULAR);
            }
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                throw new ScenarioException("cannot write " + file + ": " + JsonFiles.describe(e), e);
            }
            if (!Files.isWritable(target)) {
                throw new ScenarioException("cannot write " + file + ": permission denied");
            }
        } else if (Files.isSymbolicLink(file)) {
            throw new ScenarioException("cannot write " + file + ": it is a link to a missing file");
        } else {
            target = file.toAbsolutePath().normalize();
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ScenarioException("cannot write " + file + ": folder " + dir + " does not exist");
        }
        probe(file, dir);
        return target;
    }

    /**
     * Creates and deletes an empty hidden file in {@code dir}: the only sure way to know that the
     * temporary file of a save can be made there (permissions, read-only disks, running as root).
     */
    private static void probe(Path file, Path dir) throws ScenarioException {
        try {
            Path p = Files.createTempFile(dir, ".weightlab-", ".probe");
            Files.deleteIfExists(p);
        } catch (IOException | SecurityException e) {
            String why = e instanceof IOException io ? JsonFiles.describe(io) : "permission denied";
            throw new ScenarioException("cannot write " + file + ": folder " + dir + ": " + why, e);
        }
    }

    /**
     * Refuses an {@code output} that is the same file as {@code input}: the same name, a symbolic
     * link to it or a hard link of it. {@code what} names the input in the message, e.g. "scenario".
     */
    public static void checkDistinct(Path input, Path output, String what) throws ScenarioException {
        if (sameFile(input, output)) {
            throw new ScenarioException("cannot write " + output + ": it is the " + what + " file " + input
                    + " itself; choose another name");
        }
    }

    /** True when both name one existing file, or (when neither exists yet) the same path. */
    public static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Fall through to comparing the names.
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** The attributes of what {@code file} names, links followed; null when nothing is there. */
    private static BasicFileAttributes attributes(Path file) throws ScenarioException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ScenarioException(file + ": " + JsonFiles.describe(e), e);
        }
    }
}
