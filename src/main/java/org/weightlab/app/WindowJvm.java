package org.weightlab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.weightlab.engine.Activation;

/**
 * What the relaunch adds to the window's JVM, besides the vector module:
 * <ul>
 * <li>a maximum heap ({@link #MAX_HEAP}), unless one was given: the JVM's default is a quarter
 * of the machine's memory, and a window that trains for minutes grows its heap to it without
 * need. The time-travel history sizes itself within this heap.</li>
 * <li>class-data sharing for WeightLab's own classes: the first window of a jar records the
 * classes it loaded into an archive in the user's cache when it closes; later windows map that
 * archive instead of reading and checking thousands of classes, which starts the window about
 * a second sooner. The archive is named by the jar's size and time and the JDK's version, so a
 * new jar or JDK makes a new one; one that does not fit is ignored by the JVM.</li>
 * </ul>
 * Commands without a window (train, bench, ...) get neither: they are short, and their output
 * must not change.
 */
final class WindowJvm {

    /**
     * Enough for network B training with the default history; with the serial collector (whose
     * bookkeeping is some 40 MB smaller than G1's at this size) the window stays under 512 MB
     * resident: about 450 MB after five minutes of network B under Xvfb (with 200 MB, 495–519 MB).
     */
    static final String MAX_HEAP = "-Xmx176m";
    static final String COLLECTOR = "-XX:+UseSerialGC";

    /** The vector warm-up waits until the window is laid out (it says so), or this long at most. */
    static final long VECTOR_WARM_UP_DELAY_MS = 8000;

    private final Path archive;
    private final Path pending;

    WindowJvm(Path archive) {
        this.archive = archive;
        this.pending = archive == null ? null : archive.resolveSibling(archive.getFileName() + ".new");
    }

    /** For a JVM started from {@code classPath} (the fat jar, or anything else) with this JDK. */
    static WindowJvm forClassPath(String classPath) {
        return new WindowJvm(archiveFor(classPath, cacheDir()));
    }

    /** The options to add for a window JVM, given the options it already has. */
    List<String> options(List<String> given) {
        List<String> add = new ArrayList<>();
        if (given.stream().noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAMPercentage") || o.startsWith("-XX:MaxRAM="))) {
            add.add(MAX_HEAP);
        }
        if (given.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            add.add(COLLECTOR);
        }
        add.add("-D" + Activation.VECTOR_WARM_UP_DELAY + "=" + VECTOR_WARM_UP_DELAY_MS);
        if (archive == null || given.stream().anyMatch(o -> o.startsWith("-Xshare") || o.contains("SharedArchiveFile")
                || o.contains("ArchiveClassesAtExit"))) {
            return add;
        }
        // The JVM's own notes about the archive (a class it cannot store, an archive made by
        // another JDK) would land on the console: the window has nothing to say there.
        if (Files.isReadable(archive)) {
            add.add("-XX:SharedArchiveFile=" + archive);
        } else {
            try {
                Files.createDirectories(archive.getParent());
                Files.deleteIfExists(pending);
                add.add("-XX:ArchiveClassesAtExit=" + pending);
            } catch (IOException | SecurityException e) {
                return add; // no cache folder: start without an archive
            }
        }
        add.add("-Xlog:cds*=off");
        return add;
    }

    /**
     * After the window's JVM ended: an archive it recorded becomes the one later windows use
     * (renamed whole, so a window closed half-way through writing never leaves a broken one).
     */
    void afterExit(int exitCode) {
        if (pending == null || !Files.isRegularFile(pending)) {
            return;
        }
        try {
            if (exitCode == 0 && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                pruneOlderArchives(archive.getParent(), KEPT_ARCHIVES);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException e) {
            // the cache is a convenience: the next window records it again
        }
    }

    /** Archives kept in the cache: this jar's and those of the jars used just before it. */
    static final int KEPT_ARCHIVES = 3;

    /**
     * Deletes all but the {@code keep} most recently written archives in {@code cache} (each is
     * some 35 MB, and every new jar records its own): another installed WeightLab keeps its
     * archive as long as it was used among the last few. Unfinished archives older than a day go too.
     */
    static void pruneOlderArchives(Path cache, int keep) {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> archives = files
                    .filter(p -> p.getFileName().toString().startsWith("weightlab-")
                            && p.getFileName().toString().endsWith(".jsa"))
                    .sorted(Comparator.comparing(WindowJvm::modified).reversed())
                    .toList();
            for (Path old : archives.subList(Math.min(keep, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | SecurityException e) {
            return; // the cache is a convenience: an archive left behind costs only disk space
        }
        // an archive being written by a window that was killed stays ".new" forever: a day is long enough
        FileTime dayAgo = FileTime.fromMillis(System.currentTimeMillis() - 24L * 3600 * 1000);
        try (Stream<Path> files = Files.list(cache)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("weightlab-")
                    && p.getFileName().toString().endsWith(".jsa.new") && modified(p).compareTo(dayAgo) < 0).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | SecurityException e) {
            // the cache is a convenience: an archive left behind costs only disk space
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    Path archive() {
        return archive;
    }

    /** The archive for a fat jar at {@code classPath} in {@code cache}, or null when it is not one jar. */
    static Path archiveFor(String classPath, Path cache) {
        if (cache == null || classPath == null || classPath.contains(File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return null;
        }
        File jar = new File(classPath);
        if (!jar.isFile()) {
            return null;
        }
        String jdk = Runtime.version().toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        return cache.resolve("weightlab-" + jdk + "-" + jar.length() + "-" + jar.lastModified() + ".jsa");
    }

    /** $XDG_CACHE_HOME/weightlab, else ~/.cache/weightlab; null when neither can be named. */
    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "weightlab");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "weightlab");
    }

    /** True when these arguments open the window (no subcommand, no help or version request). */
    static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return first.startsWith("-") && !first.equals("-h") && !first.equals("--help") && !first.equals("-V")
                && !first.equals("--version");
    }
}
