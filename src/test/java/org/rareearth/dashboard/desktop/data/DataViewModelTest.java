package org.rareearth.dashboard.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.service.Workspace;

/**
 * The Data screen's view model, without a toolkit: one read off the caller's thread gives every tab's records,
 * the review list of the day and what a form checks against; checking against it gives the store's own answer.
 */
class DataViewModelTest {
    @TempDir
    Path dir;

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void one_read_gives_every_tab_the_review_list_and_the_forms_context() {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("d.db"))) {
            List<Runnable> background = new ArrayList<>();
            List<Runnable> ui = new ArrayList<>();
            int[] reads = {0};
            DataViewModel m = new DataViewModel(() -> {
                reads[0]++;
                return DataViewModel.read(s, DAY);
            }, background::add, ui::add);
            assertThat(m.known()).as("nothing known before the first read").isSameAs(RecordEditor.Context.EMPTY);
            m.refresh();
            assertThat(reads[0]).as("nothing read on the caller's thread").isZero();
            background.forEach(Runnable::run);
            assertThat(m.valueProperty().get()).as("published on the UI executor only").isNull();
            ui.forEach(Runnable::run);

            DataViewModel.Snapshot snap = m.valueProperty().get();
            assertThat(snap.of(RecordKind.EVENTS)).isEqualTo(s.events.all());
            assertThat(snap.of(RecordKind.SECURITIES)).isEqualTo(s.securities.all());
            assertThat(snap.of(RecordKind.FX)).isEqualTo(s.fxRates.all());
            assertThat(snap.of(RecordKind.QUOTAS)).isEqualTo(s.supplyChain.quotas());
            for (RecordKind<?> k : RecordKind.all()) {
                assertThat(snap.of(k)).as(k.plural).isNotEmpty();
            }
            assertThat(snap.symbols()).containsExactlyElementsOf(s.securities.all().stream()
                    .map(org.rareearth.dashboard.domain.Security::symbol).toList());
            assertThat(snap.review()).as("the review command's list for the same day").isEqualTo(s.review(DAY));
            assertThat(snap.day()).isEqualTo(DAY);
        }
    }

    @Test
    void checking_against_the_read_context_gives_the_stores_answer() {
        try (Workspace s = org.rareearth.dashboard.testing.TestStores.open(dir.resolve("c.db"))) {
            RecordEditor editor = new RecordEditor(s);
            RecordEditor.Context known = DataViewModel.read(s, DAY).known();
            PolicyEvent stored = s.events.find("mofcom-61-2025").orElseThrow();

            // A new record with a stored key is refused, by the context as by the store.
            Map<String, String> dup = RecordEditor.check(stored, null, known);
            assertThat(dup).containsKey("code");
            assertThat(dup).isEqualTo(editor.check(stored, null));
            // Editing the stored record itself is fine.
            assertThat(RecordEditor.check(stored, stored, known)).isEmpty();
            // A new rate on a day not stored yet can be saved, by the context as by the store.
            FxRate fx = s.fxRates.all().get(0);
            FxRate newer = new FxRate(fx.pair(), DAY, fx.rate(), fx.source(), fx.confidence(), fx.note(),
                    fx.sourceUrl());
            assertThat(RecordEditor.check(newer, null, known)).isEqualTo(editor.check(newer, null)).isEmpty();
            assertThat(known.choices().get("event")).contains("mofcom-61-2025");
            assertThat(known.choices().get("symbol")).contains("MP");

            // After a save, the old context no longer knows the record; a new read does.
            editor.save(null, newer);
            assertThat(RecordEditor.check(newer, null, known)).isEmpty();
            assertThat(RecordEditor.check(newer, null, DataViewModel.read(s, DAY).known())).containsKey("date");
        }
    }
}
