package org.weightlab.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.weightlab.lessons.LessonCheck;
import org.weightlab.scenario.LessonCatalog;
import org.weightlab.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weightlab lessons --check [NAME...]}: plays every built-in lesson's steps without a
 * window and prints one line per lesson, {@code lesson NAME ok MEASURED} or
 * {@code lesson NAME FAIL WHY}. Exit code 0 only when every lesson is ok, 1 otherwise.
 */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = {"Lists the built-in lessons; with --check, plays each one's steps without a window",
                "and prints 'lesson NAME ok MEASURED' or 'lesson NAME FAIL WHY' (exit code 1 if any fails)."})
public final class LessonsCommand implements Callable<Integer> {

    /** Exit code when a lesson's check fails. */
    static final int FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--check", description = "play every lesson's steps headless and check what each shows")
    private boolean check;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "only these lessons (default: all)")
    private List<String> only;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter out = spec.commandLine().getOut();
        List<LessonCatalog.Entry> all = LessonCatalog.builtIn();
        if (only != null) {
            for (String name : only) {
                if (all.stream().noneMatch(e -> e.name().equals(name))) {
                    throw new IllegalArgumentException("no built-in lesson " + name);
                }
            }
            all = all.stream().filter(e -> only.contains(e.name())).toList();
        }
        boolean ok = true;
        for (LessonCatalog.Entry e : all) {
            if (!check) {
                out.println(e.number() + ". " + e.name() + ": " + e.title() + " (" + e.lesson().steps().size()
                        + " steps)");
                continue;
            }
            LessonCheck.Result r = LessonCheck.check(e.name(), e.scenario());
            out.println(r.line());
            out.flush();
            ok &= r.ok();
        }
        return ok ? ExitCodes.DONE : FAILED;
    }
}
