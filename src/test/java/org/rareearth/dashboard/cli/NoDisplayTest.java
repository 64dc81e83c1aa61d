package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.cli.Launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a display the desktop app explains itself in one line and points to the command line. */
class NoDisplayTest {

    @TempDir
    Path dir;

    @Test
    void without_a_display_the_app_exits_with_one_clear_line() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Drare-earth-dashboard.home=" + dir, Launcher.class.getName(), "--db", dir.resolve("x.db").toString()));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output.lines().count()).as(output).isEqualTo(1);
        assertThat(output).contains("needs a display").contains("--help");
    }
}
