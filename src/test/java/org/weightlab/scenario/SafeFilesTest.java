package org.weightlab.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.engine.config.RunConfig;

/** The file rules shared by the command line and the window: what may be read, written, replaced. */
class SafeFilesTest {

    @TempDir
    Path dir;

    /** A named pipe made by the system's mkfifo; the test is skipped where there is none. */
    static Path fifo(Path at) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            throw e;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        assertTrue(Files.exists(at) && !Files.isRegularFile(at) && !Files.isDirectory(at), "a pipe");
        return at;
    }

    private static String refusal(ThrowingRunnable r) {
        String m = assertThrows(ScenarioException.class, r::run).getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    @Timeout(20)
    void namedPipeWithNoWriterIsRefusedBeforeItIsOpened() throws Exception {
        Path pipe = fifo(dir.resolve("pipe.json"));
        // Opening a pipe with no writer blocks forever: the refusal must come first.
        assertEquals(pipe + ": is not a regular file (a device, named pipe or socket)",
                refusal(() -> ScenarioFile.read(pipe)));
        assertEquals(pipe + ": is not a regular file (a device, named pipe or socket)",
                refusal(() -> RunExportFile.read(pipe)));
    }

    @Test
    void deviceIsNeverATarget() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        // Only checked, never written: a wrong answer here must not cost the machine its /dev/null.
        assertEquals("cannot write /dev/null: it is not a regular file (a device, named pipe or socket)",
                refusal(() -> SafeFiles.checkWritable(devNull)));
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
    }

    @Test
    @Timeout(20)
    void pipeAsSaveTargetIsRefusedAndKept() throws Exception {
        Path pipe = fifo(dir.resolve("out.json"));
        String m = refusal(() -> ScenarioFile.write(Scenario.of(RunConfig.defaults()), pipe));
        assertTrue(m.contains("it is not a regular file"), m);
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "still the pipe");
        assertEquals(List.of(pipe), listing(dir), "no temporary file");
    }

    @Test
    void symbolicLinkIsFollowedAndKept() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("lesson.json"), "old");
        Path links = Files.createDirectory(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("lesson.json"), target);
        Scenario s = Scenario.of(RunConfig.defaults().withData(40, 0.1, 0.5, 7));

        ScenarioFile.write(s, link);

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(target, Files.readSymbolicLink(link));
        assertEquals(s, ScenarioFile.read(target), "its target holds the scenario");
        assertEquals(List.of(target), listing(real), "no temporary file beside the target");
        assertEquals(List.of(link), listing(links), "no temporary file beside the link");
    }

    @Test
    void linkToAMissingFileAndAnEmptyNameAreRefused() throws Exception {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nowhere.json"));
        assertEquals("cannot write " + dangling + ": it is a link to a missing file",
                refusal(() -> SafeFiles.checkWritable(dangling)));
        assertFalse(Files.exists(dir.resolve("nowhere.json")));
        assertEquals("no file name given", refusal(() -> SafeFiles.path("")));
        assertEquals("no file name given", refusal(() -> SafeFiles.path("  ")));
        assertEquals("no file name given", refusal(() -> SafeFiles.checkWritable(Path.of(""))));
    }

    @Test
    void sameFileIsFoundThroughNamesSymbolicAndHardLinks() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.json"), "{}");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path symlink = Files.createSymbolicLink(dir.resolve("alias.json"), scenario);
        Path hardLink = Files.createLink(dir.resolve("hard.json"), scenario);
        for (Path same : List.of(scenario, sub.resolve("../s.json"), symlink, hardLink)) {
            assertEquals("cannot write " + same + ": it is the scenario file " + scenario + " itself; choose another name",
                    refusal(() -> SafeFiles.checkDistinct(scenario, same, "scenario")), same.toString());
        }
        Path other = Files.writeString(dir.resolve("other.json"), "{}");
        assertDoesNotThrow(() -> SafeFiles.checkDistinct(scenario, other, "scenario"));
        assertDoesNotThrow(() -> SafeFiles.checkDistinct(scenario, dir.resolve("new.json"), "scenario"));
    }

    @Test
    void folderThatCannotBeWrittenIsFoundBeforeAnyWork() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");
        assertTrue(refusal(() -> SafeFiles.checkWritable(notAFolder.resolve("run.json"))).endsWith("does not exist"));
        // A folder where no file can be made, even for the superuser (sysfs).
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys));
        String m = refusal(() -> SafeFiles.checkWritable(sys.resolve("run.json")));
        assertTrue(m.startsWith("cannot write /sys/run.json: folder /sys: "), m);
        assertFalse(Files.exists(sys.resolve("run.json")));
    }

    @Test
    void readingRefusesFoldersAndMissingFilesByName() {
        assertEquals(dir + ": is a folder, not a file", refusal(() -> SafeFiles.checkReadable(dir)));
        assertEquals(dir.resolve("no.json") + ": no such file", refusal(() -> SafeFiles.checkReadable(dir.resolve("no.json"))));
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("shared.json"), "old");
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(file, "new".getBytes());
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)));
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
