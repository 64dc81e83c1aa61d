package org.rareearth.dashboard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rareearth.dashboard.cli.Launcher;

/**
 * Runs the app's launcher in a JVM of its own on the tests' class path, as a user's start would (its own
 * {@code main}, its own exit), and keeps what it printed: standard output and standard error, in the order written.
 */
public record LauncherProcess(int code, String output) {
    private static final long TIMEOUT_S = 120;

    /** {@code jvmOptions} before the main class (system properties), {@code args} after it. */
    public static LauncherProcess run(List<String> jvmOptions, String... args) {
        return run(jvmOptions, true, args);
    }

    /** As {@link #run(List, String...)}, with no display named in the environment. */
    public static LauncherProcess runWithoutDisplay(List<String> jvmOptions, String... args) {
        return run(jvmOptions, false, args);
    }

    private static LauncherProcess run(List<String> jvmOptions, boolean display, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (!display) {
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
        }
        try {
            Process p = pb.start();
            // Read before waiting: a program whose output fills the pipe would otherwise never end.
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the launcher did not end in " + TIMEOUT_S + " s: " + output);
            }
            return new LauncherProcess(p.exitValue(), output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The lines printed, without the JVM's notes of options taken from the environment ("Picked up ..."). */
    public List<String> lines() {
        return output.lines().filter(l -> !l.startsWith("Picked up ")).toList();
    }
}
