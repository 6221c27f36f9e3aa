package org.weightlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorRelaunchTest {

    private static String filtered(String text) {
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        VectorRelaunch.copyWithoutNotice(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new java.io.PrintStream(sink, true, StandardCharsets.UTF_8));
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theIncubatorNoticeIsLeftOutAndNothingElse() {
        assertEquals("weightlab: bad\n",
                filtered("WARNING: Using incubator modules: jdk.incubator.vector\nweightlab: bad\n"));
        assertEquals("weightlab: bad\nWARNING: Using incubator modules: x\n",
                filtered("weightlab: bad\nWARNING: Using incubator modules: x\n"), "only a first-line notice is the JVM's");
        assertEquals("no newline at the end", filtered("no newline at the end"));
        assertEquals("", filtered(""));
    }

    @Test
    void noRelaunchWhenTheModuleIsAlreadyThere() { // surefire starts this JVM with it
        assertNull(VectorRelaunch.command(new String[]{"bench"}));
    }

    @Test
    void debuggersAgentsAndRecordingsKeepTheFirstJvm() {
        assertTrue(VectorRelaunch.attachesTool("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"));
        assertTrue(VectorRelaunch.attachesTool("-javaagent:/opt/agent.jar"));
        assertTrue(VectorRelaunch.attachesTool("-XX:StartFlightRecording=filename=run.jfr"));
        assertFalse(VectorRelaunch.attachesTool("-Xmx2g"));
        assertFalse(VectorRelaunch.attachesTool("-Dweightlab.preferences=lecture"));
    }

    /** Runs the launcher in a JVM started the way {@code java -jar} does: without the module. */
    private static Result runPlainJvm(Path dir, String... args) throws IOException, InterruptedException {
        File java = new File(System.getProperty("java.home"), "bin/java");
        List<String> command = new java.util.ArrayList<>(List.of(java.getPath(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void aPlainJvmStartsAgainWithVectorsAndKeepsTheConsoleClean(@TempDir Path dir) throws Exception {
        Result r = runPlainJvm(dir, "bench", "--only", "fieldA", "--runs", "1", "--run-ms", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "the incubator notice must not reach the console");
        String lanes = r.out().lines().filter(l -> l.startsWith("bench engine tanh_lanes=")).findFirst().orElseThrow();
        assertTrue(Integer.parseInt(lanes.substring(lanes.indexOf('=') + 1)) >= 4, r.out());
        assertTrue(r.out().contains("bench fieldA ms="), r.out());
    }

    @Test
    void withVectorsSwitchedOffItRunsInPlaceOneValueAtATime(@TempDir Path dir) throws Exception {
        File java = new File(System.getProperty("java.home"), "bin/java");
        Process p = new ProcessBuilder(java.getPath(), "-Xmx256m", "-Dweightlab.vector=false",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "bench", "--only", "fieldA", "--runs", "1", "--run-ms", "1")
                .redirectOutput(dir.resolve("o").toFile()).redirectError(dir.resolve("e").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("e")));
        assertTrue(Files.readString(dir.resolve("o")).contains("bench engine tanh_lanes=1"));
    }

    @Test
    void theSecondJvmEndsWhenTheFirstIsKilled(@TempDir Path dir) throws Exception {
        File java = new File(System.getProperty("java.home"), "bin/java");
        Process first = new ProcessBuilder(java.getPath(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "bench", "--only", "A", "--warm-up-ms", "120000")
                .redirectOutput(dir.resolve("o").toFile()).redirectError(dir.resolve("e").toFile()).start();
        ProcessHandle second = null;
        try {
            long giveUp = System.nanoTime() + 30_000_000_000L;
            while (second == null && System.nanoTime() < giveUp) {
                second = first.children().findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertTrue(second != null, "no second JVM was started");
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs in the first JVM
            assertTrue(second.onExit().get(30, TimeUnit.SECONDS) != null && !second.isAlive(),
                    "the second JVM outlived the first");
        } finally {
            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void aBadArgumentStillGivesOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Result r = runPlainJvm(dir, "train", "--scenario", dir.resolve("missing.json").toString(), "--epochs", "1",
                "--export", dir.resolve("run.json").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("weightlab: "), r.err());
        assertTrue(Files.notExists(dir.resolve("run.json")));
    }
}
