package org.rareearth.dashboard.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rareearth.dashboard.cli.Launcher;
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
    void content_ready_is_printed_after_the_frame_with_the_dashboard_was_painted() throws Exception {
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
    void the_first_frame_is_printed_after_it_was_painted() throws Exception {
        List<String> out = start("--exit-after-first-frame");
        int figure = indexOf(out, "first-frame-ms: ");
        assertThat(nodesRendered(out.subList(0, figure))).as(String.join("\n", out)).isNotEmpty();
    }

    private List<String> start(String option) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Drare-earth-dashboard.home=" + dir, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32",
                "-Djavafx.pulseLogger=true", "-Djavafx.pulseLogger.threshold=0"));
        if (option.startsWith("-D")) {
            command.add(option);
        }
        command.addAll(List.of(Launcher.class.getName(), "--db", dir.resolve("x.db").toString()));
        if (!option.startsWith("-D")) {
            command.add(option);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> out = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
        return out;
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
