package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowJvmTest {

    @Test
    void onlyArgumentsWithoutACommandOpenTheWindow() {
        assertTrue(WindowJvm.opensWindow(new String[0]));
        assertTrue(WindowJvm.opensWindow(new String[] {"--open", "overfitting", "--play"}));
        assertFalse(WindowJvm.opensWindow(new String[] {"train", "--scenario", "s.json"}));
        assertFalse(WindowJvm.opensWindow(new String[] {"bench"}));
        assertFalse(WindowJvm.opensWindow(new String[] {"--help"}));
        assertFalse(WindowJvm.opensWindow(new String[] {"-V"}));
    }

    @Test
    void archivesBelongToOneJarAndOneJdk(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("weightlab.jar"), new byte[] {1, 2, 3});
        Path cache = dir.resolve("cache");
        Path a = WindowJvm.archiveFor(jar.toString(), cache);
        assertEquals(cache, a.getParent());
        assertTrue(a.getFileName().toString().contains("-3-"), a.toString()); // the jar's size
        assertTrue(a.getFileName().toString().contains(Runtime.version().feature() + "."), a.toString());
        assertNull(WindowJvm.archiveFor("target/classes" + java.io.File.pathSeparator + jar, cache));
        assertNull(WindowJvm.archiveFor(dir.resolve("missing.jar").toString(), cache));
        assertNull(WindowJvm.archiveFor("target/classes", cache));
    }

    @Test
    void theFirstWindowRecordsAnArchiveAndLaterOnesMapIt(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("weightlab.jar"), new byte[] {1, 2, 3});
        Path cache = dir.resolve("cache");
        Path archive = WindowJvm.archiveFor(jar.toString(), cache);
        WindowJvm first = new WindowJvm(archive);
        List<String> options = first.options(List.of());
        assertTrue(options.contains(WindowJvm.MAX_HEAP), options.toString());
        String record = options.stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow();
        Path pending = Path.of(record.substring(record.indexOf('=') + 1));
        assertTrue(options.contains("-Xlog:cds*=off"), "the JVM's archive notes stay off the console");

        // A window that failed leaves no archive behind.
        Files.write(pending, new byte[] {9});
        first.afterExit(1);
        assertFalse(Files.exists(pending));
        assertFalse(Files.exists(archive));

        Files.write(pending, new byte[] {9});
        first.afterExit(0);
        assertTrue(Files.exists(archive));
        assertFalse(Files.exists(pending));

        List<String> later = new WindowJvm(archive).options(List.of("-Xmx1g"));
        assertTrue(later.contains("-XX:SharedArchiveFile=" + archive), later.toString());
        assertFalse(later.contains(WindowJvm.MAX_HEAP), "a heap given by the user stays");
    }

    @Test
    void aUsersOwnSharingOptionsAreLeftAlone() {
        WindowJvm w = new WindowJvm(Path.of("/nonexistent/weightlab.jsa"));
        List<String> options = w.options(List.of("-Xshare:off"));
        assertTrue(options.stream().noneMatch(o -> o.contains("Archive")), options.toString());
        assertTrue(new WindowJvm(null).options(List.of()).stream().noneMatch(o -> o.contains("Archive")));
    }

    @Test
    void onlyTheMostRecentArchivesStayInTheCache(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 5; i++) {
            Path a = Files.write(dir.resolve("weightlab-jdk-" + i + ".jsa"), new byte[] {1});
            Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Path other = Files.write(dir.resolve("notes.txt"), new byte[] {1});
        Path killed = Files.write(dir.resolve("weightlab-jdk-9.jsa.new"), new byte[] {1});
        Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.fromMillis(1_000L));
        Path writing = Files.write(dir.resolve("weightlab-jdk-10.jsa.new"), new byte[] {1});
        WindowJvm.pruneOlderArchives(dir, 3);
        assertFalse(Files.exists(killed), "an unfinished archive from long ago goes");
        assertTrue(Files.exists(writing), "one being written now stays");
        assertFalse(Files.exists(dir.resolve("weightlab-jdk-0.jsa")));
        assertFalse(Files.exists(dir.resolve("weightlab-jdk-1.jsa")));
        for (int i = 2; i < 5; i++) {
            assertTrue(Files.exists(dir.resolve("weightlab-jdk-" + i + ".jsa")), "archive " + i + " is kept");
        }
        assertTrue(Files.exists(other), "files that are not archives stay");
    }
}
