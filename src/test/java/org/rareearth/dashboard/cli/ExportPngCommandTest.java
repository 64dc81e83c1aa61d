package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.cli.Launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export-png in a child JVM with no display and no headless settings of its own: it must find its way. */
class ExportPngCommandTest {

    @TempDir
    Path dir;

    @Test
    void export_png_works_without_a_display_and_prints_each_path() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("charts");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Drare-earth-dashboard.home=" + dir, Launcher.class.getName(), "--db",
                org.rareearth.dashboard.testing.TestStores.db(dir.resolve("x.db")),
                "export-png", "--chart", "all", "--out", out.toString(), "--width", "800", "--height", "450",
                "--scale", "2", "--theme", "dark"));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stdout).isZero();
        List<String> paths = stdout.lines().toList();
        assertThat(paths).containsExactly(out.resolve("dashboard.png").toAbsolutePath().toString(),
                out.resolve("reactions.png").toAbsolutePath().toString(),
                out.resolve("gap.png").toAbsolutePath().toString(),
                out.resolve("timeline.png").toAbsolutePath().toString(),
                out.resolve("supply-chain.png").toAbsolutePath().toString());
        for (String path : paths) {
            BufferedImage img = ImageIO.read(Path.of(path).toFile());
            assertThat(img.getWidth()).isEqualTo(1600);
            assertThat(img.getHeight()).isEqualTo(900);
        }
    }

    @Test
    void the_supply_chain_chart_exports_with_its_statuses_in_their_colours() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Drare-earth-dashboard.home=" + dir, Launcher.class.getName(), "--db",
                org.rareearth.dashboard.testing.TestStores.db(dir.resolve("s.db")),
                "--today", "2026-12-02", "export-png", "--chart", "supply-chain", "--out", dir.toString(),
                "--width", "1000", "--height", "560"));
        pb.environment().remove("DISPLAY");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stdout).isZero();
        assertThat(stdout.strip()).isEqualTo(dir.resolve("supply-chain.png").toAbsolutePath().toString());
        BufferedImage img = ImageIO.read(dir.resolve("supply-chain.png").toFile());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        // Operating, under construction and planned bars, each in its own colour.
        assertThat(colours).contains(0x2e7d32, 0xf9a825, 0x64b5f6);
    }

    @Test
    void bad_options_are_usage_errors() throws Exception {
        String db = org.rareearth.dashboard.testing.TestStores.db(dir.resolve("y.db"));
        var pie = org.rareearth.dashboard.testing.CliRun.run("--db", db, "export-png", "--chart", "pie", "--out",
                dir.toString());
        assertThat(pie.code()).isEqualTo(2);
        assertThat(pie.err()).contains("unknown chart 'pie'");
        assertThat(org.rareearth.dashboard.testing.CliRun.run("--db", db, "export-png", "--chart", "gap", "--out",
                dir.toString(), "--theme", "sepia").code()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("gap.png"))).isFalse();
    }
}
