package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rareearth.dashboard.testing.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up figures ({@code first-frame-ms}, {@code content-ready-ms}) are taken once their frame has been painted
 * by the render thread, not when the FX thread has handed it over. JavaFX's pulse logger prints each frame's record
 * when its painting ends, so that record must come before the figure in the app's output.
 */
class FrameTimingTest {
    private static final Pattern RENDERED = Pattern.compile("Nodes rendered: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void content_ready_is_printed_after_the_frame_with_the_dashboard_was_painted() {
        List<String> out = start("-D" + DashboardApp.EXIT_AFTER_CONTENT);
        int figure = indexOf(out, "content-ready-ms: ");
        List<Integer> before = nodesRendered(out.subList(0, figure));
        // The first frame is the window's opening state (a few nodes); the dashboard's frame draws its tiles.
        assertThat(before).as(String.join("\n", out)).isNotEmpty();
        assertThat(before.stream().mapToInt(Integer::intValue).max().orElse(0))
                .as("nodes in the frames painted before content-ready-ms\n" + String.join("\n", out))
                .isGreaterThan(5 * before.get(0));
    }

    @Test
    void the_first_frame_is_printed_after_it_was_painted() {
        List<String> out = start("--exit-after-first-frame");
        int figure = indexOf(out, "first-frame-ms: ");
        assertThat(nodesRendered(out.subList(0, figure))).as(String.join("\n", out)).isNotEmpty();
    }

    private List<String> start(String option) {
        List<String> options = new ArrayList<>(List.of("-Drare-earth-dashboard.home=" + dir,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1600x1000-32", "-Djavafx.pulseLogger=true", "-Djavafx.pulseLogger.threshold=0"));
        List<String> args = new ArrayList<>(List.of("--db", dir.resolve("x.db").toString()));
        (option.startsWith("-D") ? options : args).add(option);
        LauncherProcess run = LauncherProcess.run(options, args.toArray(String[]::new));
        assertThat(run.code()).as(run.output()).isZero();
        return run.output().lines().toList();
    }

    private static int indexOf(List<String> out, String prefix) {
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting " + prefix + " in\n" + String.join("\n", out));
    }

    private static List<Integer> nodesRendered(List<String> lines) {
        List<Integer> counts = new ArrayList<>();
        for (String line : lines) {
            Matcher m = RENDERED.matcher(line);
            if (m.find()) {
                counts.add(Integer.parseInt(m.group(1)));
            }
        }
        return counts;
    }
}
