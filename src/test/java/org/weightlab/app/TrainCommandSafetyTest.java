package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.app.TrainCommandTest.Result;
import org.weightlab.scenario.RunExportFile;
import org.weightlab.scenario.Scenario;
import org.weightlab.scenario.ScenarioFile;

/**
 * A careless user or a script: an export over its own scenario, devices, pipes and links as
 * files, a folder that cannot be written, huge initializers. Everything is refused before
 * training with one line and exit code 2, and no file is lost.
 */
class TrainCommandSafetyTest {

    /** Enough epochs that a run reaching training would be noticed (and slow). */
    private static final String MANY_EPOCHS = "100000";

    @TempDir
    Path dir;

    private static Result run(String... args) {
        return TrainCommandTest.run(args);
    }

    private Path scenario() throws Exception {
        Path file = dir.resolve("s.json");
        ScenarioFile.write(ScenarioFile.builtIn("circle-basics"), file);
        return file;
    }

    /** Exit 2, one line naming the problem, nothing trained (stdout empty), no temporary file. */
    private void assertRefused(Result r, String expected) throws IOException {
        assertEquals(2, r.code(), r.err());
        assertEquals("weightlab: " + expected, r.err().strip());
        assertEquals("", r.out(), "nothing trained");
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
    }

    @Test
    void exportOverItsOwnScenarioIsRefusedAlsoThroughLinks() throws Exception {
        Path s = scenario();
        byte[] before = Files.readAllBytes(s);
        Path symlink = Files.createSymbolicLink(dir.resolve("alias.json"), s);
        Path hardLink = Files.createLink(dir.resolve("hard.json"), s);
        for (Path export : List.of(s, dir.resolve("sub/../s.json"), symlink, hardLink)) {
            Files.createDirectories(dir.resolve("sub"));
            Result r = run("train", "--scenario", s.toString(), "--epochs", MANY_EPOCHS, "--export", export.toString());
            assertRefused(r, "cannot write " + export + ": it is the scenario file " + s + " itself; choose another name");
            assertArrayEquals(before, Files.readAllBytes(s), "the scenario is untouched");
        }
        // Given through the link, the scenario is still protected.
        Result r = run("train", "--scenario", symlink.toString(), "--epochs", MANY_EPOCHS, "--export", s.toString());
        assertEquals(2, r.code(), r.err());
        assertArrayEquals(before, Files.readAllBytes(s));
        assertTrue(Files.isSymbolicLink(symlink));
    }

    /** A named pipe made by the system's mkfifo; the test is skipped where there is none. */
    private static Path fifo(Path at) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            throw e;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        return at;
    }

    @Test
    @Timeout(30)
    void pipeAsScenarioOrExportIsRefusedAtOnce() throws Exception {
        Path pipe = fifo(dir.resolve("pipe.json"));
        assertRefused(run("train", "--scenario", pipe.toString(), "--epochs", "1", "--export",
                dir.resolve("run.json").toString()), pipe + ": is not a regular file (a device, named pipe or socket)");
        assertFalse(Files.exists(dir.resolve("run.json")));
        assertRefused(run("train", "--scenario", "circle-basics", "--epochs", MANY_EPOCHS, "--export", pipe.toString()),
                "--export: cannot write " + pipe + ": it is not a regular file (a device, named pipe or socket)");
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "the pipe is still a pipe");
    }

    @Test
    void linkToADeviceIsRefusedAndKept() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        Path link = Files.createSymbolicLink(dir.resolve("null.json"), devNull);
        assertRefused(run("train", "--scenario", "circle-basics", "--epochs", MANY_EPOCHS, "--export", link.toString()),
                "--export: cannot write " + link + ": it is not a regular file (a device, named pipe or socket)");
        assertTrue(Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(devNull));
        assertFalse(Files.isRegularFile(devNull));
    }

    @Test
    void exportThroughALinkWritesItsTargetAndKeepsTheLink() throws Exception {
        Path target = Files.writeString(dir.resolve("real.json"), "previous");
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), target);
        Result r = run("train", "--scenario", "circle-basics", "--epochs", "1", "--export", link.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals(ScenarioFile.builtIn("circle-basics").config(), RunExportFile.read(target).config());
    }

    @Test
    void exportFolderIsCheckedBeforeTraining() throws Exception {
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys));
        Result r = run("train", "--scenario", "circle-basics", "--epochs", MANY_EPOCHS, "--export", "/sys/run.json");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("weightlab: --export: cannot write /sys/run.json: folder /sys: "), r.err());
        assertEquals("", r.out(), "refused before training");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "x");
        assertRefused(run("train", "--scenario", "circle-basics", "--epochs", MANY_EPOCHS, "--export",
                notes.resolve("run.json").toString()), "--export: cannot write " + notes.resolve("run.json")
                + ": folder " + notes + " does not exist");
    }

    @Test
    void emptyExportNameIsNotCalledAFolder() throws Exception {
        assertRefused(run("train", "--scenario", "circle-basics", "--epochs", "1", "--export", ""),
                "--export: no file name given");
        assertRefused(run("train", "--scenario", "circle-basics", "--epochs", "1", "--export", dir.toString()),
                "--export: cannot write " + dir + ": it is a folder");
    }

    @Test
    void hugeInitializerIsRefusedBeforeTraining() throws Exception {
        String lesson = new String(Files.readAllBytes(scenario()), StandardCharsets.UTF_8);
        String huge = lesson.replaceFirst("\"init\": (\"[a-z_]+\"|\\{[^}]*\\})", "\"init\": \"uniform(-1e308, 1e308)\"");
        assertTrue(huge.contains("1e308"), lesson);
        Path file = Files.writeString(dir.resolve("huge.json"), huge);
        Path export = dir.resolve("run.json");
        assertRefused(run("train", "--scenario", file.toString(), "--epochs", "1", "--export", export.toString()),
                file + ": config.init: low must be between -100 and 100, got -1.0E308");
        assertFalse(Files.exists(export));
    }

    @Test
    void helpListsTheExitCodes() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"train", "--help"})) {
            Result r = run(args);
            assertEquals(0, r.code());
            String help = r.out().replaceAll("\\s+", " ");
            assertTrue(help.contains("Exit codes: 0 done 2 bad arguments or files (one line on stderr, nothing written)"
                    + " 3 training diverged"), r.out());
        }
    }

    @Test
    void scenarioObjectIsUnchangedByARefusedRun() throws Exception {
        Path s = scenario();
        Scenario before = ScenarioFile.read(s);
        run("train", "--scenario", s.toString(), "--epochs", "1", "--export", s.toString());
        assertEquals(before, ScenarioFile.read(s), "the scenario still opens as the same scenario");
    }
}
