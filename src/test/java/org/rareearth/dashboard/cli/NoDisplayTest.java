package org.rareearth.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.testing.LauncherProcess;

/** Without a display the desktop app explains itself in one line and points to the command line. */
class NoDisplayTest {

    @TempDir
    Path dir;

    @Test
    void without_a_display_the_app_exits_with_one_clear_line() {
        LauncherProcess run = LauncherProcess.runWithoutDisplay(List.of("-Drare-earth-dashboard.home=" + dir),
                "--db", dir.resolve("x.db").toString());
        String output = run.output().strip();
        assertThat(run.code()).isEqualTo(1);
        assertThat(output.lines().count()).as(output).isEqualTo(1);
        assertThat(output).contains("needs a display").contains("--help");
    }
}
