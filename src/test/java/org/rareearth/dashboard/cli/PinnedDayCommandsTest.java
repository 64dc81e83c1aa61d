package org.rareearth.dashboard.cli;

import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.io.Json;
import org.rareearth.dashboard.service.AppClock;

/**
 * The day can be pinned for every command ({@code --today}, {@code RARE_EARTH_TODAY}): two pinned days give two
 * days' statuses and two "today" lines, whatever day the test runs on.
 */
class PinnedDayCommandsTest {

    @TempDir
    Path dir;

    private int code;
    private String out;
    private String err;

    @AfterEach
    void back_to_the_process_day() {
        AppClock.reset();
    }

    private int run(Map<String, String> env, String... args) {
        CliRun r = CliRun.run(env, TestStores.args(args));
        code = r.code();
        out = r.out();
        err = r.err();
        return code;
    }

    private JsonNode timeline(Map<String, String> env, String... before) throws Exception {
        List<String> all = new ArrayList<>(List.of(before));
        all.addAll(List.of("--db", dir.resolve("x.db").toString(), "timeline", "--json"));
        assertThat(run(env, all.toArray(String[]::new))).as(err).isZero();
        return Json.MAPPER.readTree(out);
    }

    private static String status(JsonNode root, String id) {
        for (JsonNode e : root.get("events")) {
            if (e.get("id").asText().equals(id)) {
                return e.get("statusOn").asText();
            }
        }
        return "absent";
    }

    @Test
    void timeline_gives_the_statuses_of_the_pinned_day_from_the_option_or_the_environment() throws Exception {
        // MOFCOM No. 61: announced 2025-10-09, its extraterritorial rules to take effect 2025-12-01, suspended from
        // 2025-11-10 for a year.
        JsonNode october = timeline(Map.of(), "--today", "2025-10-15");
        assertThat(october.get("on").asText()).isEqualTo("2025-10-15");
        assertThat(status(october, "mofcom-61-2025")).isEqualTo("announced");
        assertThat(status(october, "mofcom-62-2025")).isEqualTo("in-force");

        JsonNode march = timeline(Map.of(AppClock.TODAY_ENV, "2026-03-01"));
        assertThat(march.get("on").asText()).isEqualTo("2026-03-01");
        assertThat(status(march, "mofcom-61-2025")).isEqualTo("suspended");

        // The option after the command name too, and it wins over the environment.
        assertThat(run(Map.of(AppClock.TODAY_ENV, "2026-03-01"), "--db", dir.resolve("x.db").toString(), "timeline",
                "--json", "--today", "2025-04-01")).isZero();
        JsonNode april = Json.MAPPER.readTree(out);
        assertThat(april.get("on").asText()).isEqualTo("2025-04-01");
        assertThat(status(april, "mofcom-61-2025")).isEqualTo("absent");
        assertThat(april.get("notYetAnnounced").asInt()).isPositive();
    }

    @Test
    void a_day_that_is_not_a_date_is_a_usage_error_naming_the_option_or_the_variable() {
        run(Map.of(), "--db", dir.resolve("x.db").toString(), "--today", "2025-13-01", "info");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("--today: '2025-13-01' is not a date (write YYYY-MM-DD");
        run(Map.of(AppClock.TODAY_ENV, "15/10/2025"), "--db", dir.resolve("x.db").toString(), "info");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("RARE_EARTH_TODAY: '15/10/2025' is not a date");
        // Every command takes it, the benchmarks too.
        run(Map.of(), "bench", "--today", "2025-02-30", "--only", "none");
        assertThat(code).isEqualTo(2);
        assertThat(err).contains("--today: '2025-02-30' is not a date");
        assertThat(run(Map.of(), "bench", "--today", "2025-10-15", "--only", "none")).isZero();
        assertThat(AppClock.today()).isEqualTo(java.time.LocalDate.of(2025, 10, 15));
    }

    @Test
    void export_png_draws_the_today_line_on_the_pinned_day() throws Exception {
        int october = todayLineX("2025-10-15");
        int june = todayLineX("2026-06-01");
        // Both days lie inside the span the timeline fits (the seed's last end date is in November 2026), so the
        // line moves right with the day and nothing else moves the axis.
        assertThat(october).isPositive();
        assertThat(june).isGreaterThan(october + 20);
    }

    /**
     * The x of the column with the most pixels of the today line's red, in the exported timeline. The line is
     * #C62828, whose green and blue are equal however it is blended with the background; China's lane colour
     * (#B03A2E) and the export-control orange are red with unequal green and blue.
     */
    private int todayLineX(String day) throws Exception {
        Path outDir = dir.resolve("png-" + day);
        assertThat(run(Map.of(), "--db", dir.resolve("x.db").toString(), "--today", day, "export-png", "--chart",
                "timeline", "--out", outDir.toString(), "--width", "1200", "--height", "700", "--scale", "1"))
                .as(err).isZero();
        BufferedImage img = ImageIO.read(outDir.resolve("timeline.png").toFile());
        int bestX = -1;
        int best = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            int n = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r - g > 60 && Math.abs(g - b) <= 3) {
                    n++;
                }
            }
            if (n > best) {
                best = n;
                bestX = x;
            }
        }
        assertThat(best).as("a today line at least a third of the chart high on " + day)
                .isGreaterThan(img.getHeight() / 3);
        return bestX;
    }
}
