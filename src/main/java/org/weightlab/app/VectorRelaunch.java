package org.weightlab.app;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.weightlab.engine.Activation;

/**
 * Starts WeightLab again with the module {@code jdk.incubator.vector} when {@code java -jar}
 * left it out: the training engine's tanh runs several lanes at a time through it, which makes
 * training about a quarter faster (see {@code org.weightlab.engine.VectorTanh}). A jar's
 * manifest cannot add a module, so the first JVM starts a second one with
 * {@code --add-modules jdk.incubator.vector}, the same JVM options, class path and arguments,
 * hands it the console, and exits with its exit code. The JVM's notice about incubating
 * modules is left out of the error stream, so a bad argument still prints one line.
 *
 * <p>Nothing happens when the module is already there, when this JVM was itself started this
 * way, when the runtime has no such module, when a debugger, agent or flight recording is
 * attached (it belongs to this JVM), when WeightLab was not loaded from the class path
 * (inside another program's JVM), or with {@code -Dweightlab.vector=false}; then the engine
 * computes the same values one at a time, about a quarter slower.
 */
final class VectorRelaunch {

    static final String MODULE = "jdk.incubator.vector";
    /** Set in the second JVM to the first one's process id. */
    private static final String MARK = "weightlab.relaunched";
    private static final String NOTICE = "WARNING: Using incubator modules";

    private VectorRelaunch() {
    }

    /** The child JVM's exit code, or empty when this JVM should go on by itself. */
    static Optional<Integer> runIfNeeded(String[] args) {
        List<String> command = command(args);
        if (command == null) {
            return Optional.empty();
        }
        try {
            Process child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Thread hook = new Thread(child::destroy, "weightlab-relaunch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Thread errors = new Thread(() -> copyWithoutNotice(child.getErrorStream(), System.err),
                    "weightlab-relaunch-stderr");
            errors.setDaemon(true);
            errors.start();
            int code = child.waitFor();
            errors.join(2000);
            Runtime.getRuntime().removeShutdownHook(hook);
            if (WindowJvm.opensWindow(args)) {
                WindowJvm.forClassPath(System.getProperty("java.class.path", "")).afterExit(code);
            }
            return Optional.of(code);
        } catch (IOException e) {
            return Optional.empty(); // could not start a JVM: run here, without vectors
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /**
     * In the second JVM: exits when the first one is gone, so that killing the first (even with
     * SIGKILL, which runs no shutdown hook) never leaves a window or a training run behind.
     */
    static void followParentIfRelaunched() {
        String mark = System.getProperty(MARK);
        if (mark == null || mark.isEmpty() || !mark.chars().allMatch(Character::isDigit)) {
            return;
        }
        Optional<ProcessHandle> parent = parent();
        if (parent.isEmpty() || !parent.get().isAlive()) {
            System.exit(143);
        }
        parent.get().onExit().thenRun(() -> System.exit(143));
    }

    /** In the second JVM: the first one (by pid: once it is gone, our parent is init); else empty. */
    static Optional<ProcessHandle> parent() {
        String parentPid = System.getProperty(MARK);
        if (parentPid == null) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(parentPid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The command that starts this program again with the module, or null when it should not. */
    static List<String> command(String[] args) {
        if (System.getProperty(MARK) != null
                || !Boolean.parseBoolean(System.getProperty(Activation.VECTOR_SWITCH, "true"))
                || ModuleLayer.boot().findModule(MODULE).isPresent()
                || ModuleFinder.ofSystem().find(MODULE).isEmpty()
                || System.getProperty("jdk.module.path") != null
                || Launcher.class.getClassLoader() != ClassLoader.getSystemClassLoader()) { // e.g. inside Maven's JVM
            return null;
        }
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        List<String> options = runtime.getInputArguments();
        if (options.stream().anyMatch(VectorRelaunch::attachesTool)) {
            return null; // a debugger, agent or recording is attached to this JVM: stay in it
        }
        String classPath = System.getProperty("java.class.path", "");
        File java = new File(System.getProperty("java.home"), "bin" + File.separator + "java");
        if (classPath.isEmpty() || !java.canExecute()) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(java.getPath());
        command.addAll(options);
        if (WindowJvm.opensWindow(args)) {
            command.addAll(WindowJvm.forClassPath(classPath).options(options));
        }
        command.add("--add-modules=" + MODULE);
        command.add("-D" + MARK + "=" + ProcessHandle.current().pid());
        command.add("-D" + StartClock.STARTED_AT + "=" + runtime.getStartTime());
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Whether a JVM option attaches a debugger, an agent or a flight recording, which belong to this JVM. */
    static boolean attachesTool(String option) {
        return option.startsWith("-agentlib:") || option.startsWith("-agentpath:") || option.startsWith("-javaagent:")
                || option.startsWith("-Xrunjdwp") || option.startsWith("-Xdebug")
                || option.startsWith("-XX:StartFlightRecording") || option.startsWith("-XX:+FlightRecorder");
    }

    /** Copies {@code in} to {@code out}, leaving out the JVM's one-line notice about incubating modules. */
    static void copyWithoutNotice(InputStream in, PrintStream out) {
        try (in) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) { // the notice, when there is one, is the first line
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            if (!line.toString(StandardCharsets.UTF_8).startsWith(NOTICE)) {
                line.writeTo(out);
            }
            out.flush();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the child closed its error stream: nothing more to copy
        }
    }
}
