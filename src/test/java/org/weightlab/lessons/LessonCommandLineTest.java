package org.weightlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightlab.app.Launcher;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.RunExport;
import org.weightlab.scenario.RunExportFile;

/** {@code weightlab train --scenario LESSON --epochs N --export run.json} works for every built-in lesson. */
class LessonCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void everyBuiltInLessonTrainsFromTheCommandLine() throws Exception {
        for (LessonCatalog.Entry e : LessonCatalog.builtIn()) {
            Path export = dir.resolve(e.name() + ".json");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            int code;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = Launcher.run("train", "--scenario", e.name(), "--epochs", "2", "--export", export.toString());
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            assertEquals(0, code, e.name() + ": " + err.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("trained " + e.name() + ": 2 epochs"),
                    out.toString(StandardCharsets.UTF_8));
            RunExport run = RunExportFile.read(export);
            assertEquals(e.scenario().config(), run.config());
            assertEquals(3, run.history().size(), "before training and after each epoch");
            if (e.scenario().initial() != null) {
                assertEquals(e.scenario().initial(), run.initial(), e.name() + " starts from its stored weights");
            }
            assertTrue(Files.size(export) > 0);
        }
    }
}
