package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.testing.TestStores;
import org.rareearth.dashboard.domain.CapacityProject;
import org.rareearth.dashboard.domain.PriceFloor;
import org.rareearth.dashboard.domain.TargetRevision;

/** Supply-chain records through the editor and the store: checks by field, links that follow renames. */
class SupplyChainRecordsTest {

    @TempDir
    Path dir;

    private static CapacityProject project(String floor, String event, List<TargetRevision> targets) {
        return new CapacityProject("test-plant", "Op", "Plant", "US", "magnets", 1200.0, null, "t/yr",
                "rare-earth magnets", "construction", 2027, 2025, event, floor, targets, "test sheet", "S", null,
                null);
    }

    @Test
    void a_project_is_checked_field_by_field_saved_whole_and_keeps_its_links_when_the_floor_is_renamed() {
        try (Workspace w = TestStores.open(dir.resolve("s.db"))) {
            RecordEditor editor = new RecordEditor(w);
            var bad = project("no such floor", "no-such-event", List.of(new TargetRevision("2025-02-30", null,
                    null, null, null)));
            var problems = editor.check(bad, null);
            assertThat(problems).containsKeys("floor", "event", "targets");
            assertThat(problems.get("floor")).contains("unknown price floor 'no such floor'");
            assertThatThrownBy(() -> editor.save(null, bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(w.supplyChain.projects()).noneMatch(p -> p.id().equals("test-plant"));

            String program = "DoD–MP Materials NdPr price floor";
            var good = project(program, "dod-mp-2025", List.of(
                    new TargetRevision("2025-01", 2026, "first", null, null),
                    new TargetRevision("2025-09-01", 2027, "second", "https://example.org/a", "moved")));
            editor.save(null, good);
            CapacityProject stored = w.supplyChain.projects().stream().filter(p -> p.id().equals("test-plant"))
                    .findFirst().orElseThrow();
            assertThat(stored).isEqualTo(good);

            PriceFloor floor = w.floors.all().stream().filter(f -> f.program().equals(program)).findFirst()
                    .orElseThrow();
            PriceFloor renamed = new PriceFloor("DoD–MP floor (renamed)", floor.commodity(), floor.level(),
                    floor.currency(), floor.unit(), floor.start(), floor.end(), floor.upsideShare(), floor.source(),
                    floor.confidence(), floor.note(), floor.volume(), floor.upsideFrom(), floor.upsideCap(),
                    floor.sourceUrl());
            editor.save(floor, renamed);
            assertThat(w.supplyChain.projects().stream().filter(p -> p.id().equals("test-plant")).findFirst()
                    .orElseThrow().floor()).isEqualTo("DoD–MP floor (renamed)");

            // The slip on record now includes this project (2026 -> 2027) beside 10X and Round Top (0 each).
            var o = w.supplyChain().outlook(new SupplyChainService.Query("magnets", null, null, null, 5933.0), 2026);
            assertThat(o.result().slip().basis()).hasSize(3);
            assertThat(o.result().slip().medianYears()).isEqualTo(0.0);

            // The rename changed the project's floor: the project as stored now is the one deleted.
            editor.delete(editor.current(stored));
            assertThat(w.supplyChain.projects()).noneMatch(p -> p.id().equals("test-plant"));
        }
    }
}
