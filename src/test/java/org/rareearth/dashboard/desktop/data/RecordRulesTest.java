package org.rareearth.dashboard.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.PriceFloor;

/** The record forms' new fields follow the import rules, field by field, with no window needed. */
class RecordRulesTest {

    @TempDir
    Path dir;

    @Test
    void a_source_url_must_be_a_web_address_and_a_link_must_name_an_event_code() {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("x.db"))) {
            RecordEditor editor = new RecordEditor(s);
            Map<String, Object> v = RecordKind.EVENTS.values(s.events.find("mofcom-61-2025").orElseThrow());
            v.put("sourceUrl", "www.example.org/no-scheme");
            v.put("related", List.of("Not A Code"));
            PolicyEvent e = RecordKind.EVENTS.build(v);
            Map<String, String> problems = editor.check(e, s.events.find("mofcom-61-2025").orElseThrow());
            assertThat(problems.get("sourceUrl")).contains("not a web address");
            assertThat(problems.get("related")).contains("is not an event code");

            // A control character is refused in the form with the importer's words.
            v.put("title", "MOFCOM\u0000 No. 61");
            assertThat(editor.check(RecordKind.EVENTS.build(v), s.events.find("mofcom-61-2025").orElseThrow())
                    .get("title")).isEqualTo(org.rareearth.dashboard.io.dataset.DatasetValidator.controlProblem(
                    "MOFCOM\u0000 No. 61", false)).contains("control character (U+0000)");
            v.put("title", "MOFCOM No. 61 of 2025: extraterritorial rare-earth rule");
            v.put("sourceUrl", "https://www.chemradar.com/en/news/detail/f3s7t2oy9qf4");
            v.put("related", List.of("mofcom-70-2025"));
            assertThat(editor.check(RecordKind.EVENTS.build(v), s.events.find("mofcom-61-2025").orElseThrow()))
                    .isEmpty();
        }
    }

    @Test
    void a_floor_form_carries_volume_and_upside_terms_and_refuses_a_threshold_below_the_floor() {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("x.db"))) {
            RecordEditor editor = new RecordEditor(s);
            PriceFloor jare = s.floors.all().stream().filter(f -> f.program().startsWith("Lynas–JARE")).findFirst()
                    .orElseThrow();
            Map<String, Object> v = RecordKind.FLOORS.values(jare);
            assertThat(RecordKind.FLOORS.build(v)).isEqualTo(jare);
            v.put("upsideFrom", 90.0);
            v.put("volume", -5.0);
            Map<String, String> problems = editor.check(RecordKind.FLOORS.build(v), jare);
            assertThat(problems.get("upsideFrom")).contains("below the floor level 110.0");
            assertThat(problems.get("volume")).isNotBlank();
        }
    }
}
