package org.rareearth.dashboard.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rareearth.dashboard.io.CsvExport;
import org.rareearth.dashboard.service.AppPaths;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.testing.FxThreadLookups;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Every chart renders at its exact size, is not blank, carries its series colours, and has its data as CSV. */
@ExtendWith(FxThreadLookups.class)
class ChartExportTest {

    private Workspace services;

    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("red-export");
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
        services = org.rareearth.dashboard.testing.TestStores.open(home.resolve("store.db"));
    }

    @AfterEach
    void close() {
        services.close();
        System.clearProperty(AppPaths.HOME_PROPERTY);
        org.rareearth.dashboard.testing.TestDirs.deleteTree(home);
    }

    private BufferedImage render(FxRobot robot, String chart, ExportOptions o) throws Exception {
        ExportSpec[] s = new ExportSpec[1];
        robot.interact(() -> s[0] = Charts.view(chart, services).exportSpec());
        ChartExporter.Pixels px = ChartExporter.renderSettled(s[0], o);
        assertThat(px.dpi()).isEqualTo(96 * o.scale());
        return ImageIO.read(new ByteArrayInputStream(px.png()));
    }

    private static Set<Integer> colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                c.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return c;
    }

    /** True when some pixel is within a small distance of the colour (antialiasing blends edges). */
    private static boolean hasColour(Set<Integer> colours, int rgb) {
        return colours.stream().anyMatch(c -> Math.abs(((c >> 16) & 0xff) - ((rgb >> 16) & 0xff))
                + Math.abs(((c >> 8) & 0xff) - ((rgb >> 8) & 0xff)) + Math.abs((c & 0xff) - (rgb & 0xff)) <= 6);
    }

    @Test
    void the_dashboards_data_has_a_row_for_every_tile_its_small_charts_too(FxRobot robot) {
        ExportSpec[] s = new ExportSpec[1];
        robot.interact(() -> s[0] = Charts.view("dashboard", services).exportSpec());
        // Number tiles give their figure; the four small charts give their title alone (their data has exports of
        // their own), as when they were TilesFX custom tiles.
        assertThat(s[0].csvRows()).anySatisfy(r -> assertThat(r).containsExactly("MP reaction", 50.62, "%",
                r.get(3)));
        for (String chart : List.of("Close-to-close moves", "China NdPr oxide vs the floor", "Export controls and"
                + " responses", "Magnet capacity outside China")) {
            assertThat(s[0].csvRows()).as(chart).filteredOn(r -> ((String) r.get(0)).startsWith(chart)).singleElement()
                    .satisfies(r -> assertThat(r.subList(1, 4)).containsExactly(null, "", ""));
        }
    }

    @Test
    void every_chart_has_the_exact_size_at_each_scale(FxRobot robot) throws Exception {
        for (String chart : Charts.NAMES) {
            BufferedImage img = render(robot, chart, new ExportOptions(800, 500, 2, ExportOptions.Theme.LIGHT, null,
                    null, null));
            assertThat(img.getWidth()).as(chart).isEqualTo(1600);
            assertThat(img.getHeight()).as(chart).isEqualTo(1000);
        }
        BufferedImage one = render(robot, "gap", new ExportOptions(640, 360, 1, ExportOptions.Theme.LIGHT, null,
                null, null));
        assertThat(one.getWidth()).isEqualTo(640);
        assertThat(one.getHeight()).isEqualTo(360);
        BufferedImage three = render(robot, "gap", new ExportOptions(640, 360, 3, ExportOptions.Theme.DARK, null,
                null, null));
        assertThat(three.getWidth()).isEqualTo(1920);
        assertThat(three.getHeight()).isEqualTo(1080);
    }

    @Test
    void the_images_are_not_blank_and_carry_the_series_colours(FxRobot robot) throws Exception {
        ExportOptions o = new ExportOptions(1000, 600, 1, ExportOptions.Theme.LIGHT, null, null, null);
        Set<Integer> gap = colours(render(robot, "gap", o));
        assertThat(gap.size()).isGreaterThan(50);
        assertThat(hasColour(gap, 0xB03A2E)).as("China series in China's colour").isTrue();
        assertThat(hasColour(gap, 0x1F5F8B)).as("US floor in the US colour").isTrue();
        Set<Integer> timeline = colours(render(robot, "timeline", o));
        assertThat(hasColour(timeline, 0xD55E00)).as("export-control colour").isTrue();
        assertThat(hasColour(timeline, 0x0072B2)).as("investment colour").isTrue();
        Set<Integer> reactions = colours(render(robot, "reactions", o));
        assertThat(reactions.size()).isGreaterThan(50);
        assertThat(hasColour(reactions, 0xf3622d)).isTrue();
        Set<Integer> dark = colours(render(robot, "gap", new ExportOptions(1000, 600, 1, ExportOptions.Theme.DARK,
                null, null, null)));
        assertThat(hasColour(dark, 0x1e2126)).as("dark background").isTrue();
        assertThat(hasColour(dark, 0xE0685C)).as("China's colour, lightened for the dark theme").isTrue();
        Set<Integer> darkTimeline = colours(render(robot, "timeline", new ExportOptions(1000, 600, 1,
                ExportOptions.Theme.DARK, null, null, null)));
        assertThat(hasColour(darkTimeline, 0x23272e)).as("the timeline canvas is dark in a dark export").isTrue();
        assertThat(hasColour(darkTimeline, 0xffffff)).as("no white canvas left").isFalse();
    }

    @Test
    void each_chart_exports_its_data_as_csv(FxRobot robot) {
        for (String chart : Charts.NAMES) {
            ExportSpec[] s = new ExportSpec[1];
            robot.interact(() -> s[0] = Charts.view(chart, services).exportSpec());
            assertThat(s[0].csvRows()).as(chart).isNotEmpty();
            assertThat(s[0].csvRows()).allSatisfy(r -> assertThat(r).hasSameSizeAs(s[0].csvHeader()));
            String csv = CsvExport.toCsv(s[0].csvHeader(), s[0].csvRows());
            // Read back with a CSV parser: quoted cells may hold commas and line breaks.
            try {
                com.fasterxml.jackson.dataformat.csv.CsvMapper m = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
                m.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
                List<String[]> back = m.readerFor(String[].class).<String[]>readValues(csv).readAll();
                assertThat(back).hasSize(s[0].csvRows().size() + 1);
                assertThat(back.get(0)).containsExactlyElementsOf(s[0].csvHeader());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            assertThat(s[0].footnote(12)).startsWith("Source");
        }
        ExportSpec[] gap = new ExportSpec[1];
        robot.interact(() -> gap[0] = Charts.view("gap", services).exportSpec());
        assertThat(gap[0].subtitle()).contains("VAT excluded");
        assertThat(gap[0].csvHeader()).contains("china_usd_per_kg", "fx_rate", "vat_basis");
        assertThat(gap[0].csvRows()).as("every quote but 2026-01-22, which has no fixing within 10 days").hasSize(16);
        assertThat(gap[0].footnote(12)).contains("Shanghai Metals Market").contains("CFETS");
    }

    /** A second workspace on the same store, closed: every read of it fails. */
    private Workspace closedWorkspace() {
        Workspace other = Workspace.open(services.store().location(), java.util.Map.of());
        other.close();
        return other;
    }

    /**
     * A chart whose records cannot be read is not exported as if the store had none: the command line says why and
     * writes nothing for it.
     */
    @Test
    void a_chart_whose_store_cannot_be_read_is_an_error_not_an_empty_chart(FxRobot robot) {
        Workspace closed = closedWorkspace();
        for (String chart : Charts.NAMES) {
            Object[] outcome = new Object[1];
            robot.interact(() -> {
                try {
                    outcome[0] = Charts.view(chart, closed).exportSpec();
                } catch (RuntimeException e) {
                    outcome[0] = e;
                }
            });
            assertThat(outcome[0]).as(chart).isInstanceOf(org.rareearth.dashboard.store.StoreException.class);
            assertThat(((RuntimeException) outcome[0]).getMessage()).as(chart)
                    .contains("could not be read from the store");
        }
    }

    /**
     * The dashboard exports the figures it read, tiles and rows alike, and reads nothing for it: in the window the
     * export runs on the FX thread. Here the store is closed after the read, so any read would fail.
     */
    @Test
    void the_dashboards_export_is_built_from_its_read_without_reading_again(FxRobot robot) throws Exception {
        Workspace other = Workspace.open(services.store().location(), java.util.Map.of());
        ExportSpec[] s = new ExportSpec[1];
        try {
            org.rareearth.dashboard.desktop.dashboard.DashboardView[] v =
                    new org.rareearth.dashboard.desktop.dashboard.DashboardView[1];
            robot.interact(() -> {
                v[0] = new org.rareearth.dashboard.desktop.dashboard.DashboardView(other);
                v[0].refresh();
            });
            other.close();
            robot.interact(() -> s[0] = v[0].exportSpec());
        } finally {
            other.close();
        }
        assertThat(s[0].csvRows()).extracting(r -> (String) r.get(0)).contains("MP reaction",
                "China's measures in force today");
        ChartExporter.Pixels px = ChartExporter.renderSettled(s[0], new ExportOptions(1000, 600, 1,
                ExportOptions.Theme.LIGHT, null, null, null));
        assertThat(colours(ImageIO.read(new ByteArrayInputStream(px.png())))).hasSizeGreaterThan(10);
    }
}
