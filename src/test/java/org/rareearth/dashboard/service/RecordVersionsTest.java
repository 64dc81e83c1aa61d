package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PriceAssessment;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.store.RecordConflict;
import org.rareearth.dashboard.store.RecordEdit;
import org.rareearth.dashboard.store.StoreLocation;
import org.rareearth.dashboard.testing.TestStores;

/**
 * Two analysts editing one store, each with their own copy of the app (their own connections): the same on a
 * store file and on a team store. A record changed, added or deleted by one since the other read it is refused
 * with both versions and nothing written; the other may then overwrite; every change is in the edit log with who,
 * when, before and after.
 */
class RecordVersionsTest {
    @TempDir
    Path dir;

    private StoreLocation store(String backEnd) {
        return TestStores.fresh(backEnd, dir.resolve("team.db"));
    }

    private static Security security(String symbol, String name) {
        return new Security(symbol, name, "NYSE", "USD", "US", false, "test", "S", null);
    }

    private static String who(String backEnd) {
        return TestStores.writer(backEnd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_edit_of_a_record_changed_since_it_was_read_is_refused_with_both_versions_and_can_overwrite(
            String backEnd) {
        StoreLocation where = store(backEnd);
        try (Workspace a = Workspace.open(where, Map.of()); Workspace b = Workspace.open(where, Map.of())) {
            RecordEditor ana = new RecordEditor(a);
            RecordEditor ben = new RecordEditor(b);
            Security first = security("XYZ", "X Corp");
            ana.save(null, first);
            // Both open the record; Ana saves first.
            Security anas = security("XYZ", "X Corporation");
            Security bens = security("XYZ", "X Corp Holdings");
            ana.save(first, anas);

            assertThatThrownBy(() -> ben.save(first, bens)).isInstanceOfSatisfying(RecordConflict.class, c -> {
                assertThat(c.opened()).isEqualTo(first);
                assertThat(c.mine()).isEqualTo(bens);
                assertThat(c.theirs()).isEqualTo(anas);
                assertThat(c.lastEdit().who()).isEqualTo(who(backEnd));
                assertThat(c.lastEdit().version()).isEqualTo(2);
                assertThat(c.getMessage()).contains("XYZ").contains("changed by someone else")
                        .contains("nothing was saved");
            });
            assertThat(a.securities.find("XYZ").orElseThrow().name()).as("nothing was written")
                    .isEqualTo("X Corporation");

            RecordConflict conflict = catchConflict(() -> ben.save(first, bens));
            ben.overwrite(conflict);
            assertThat(a.securities.find("XYZ").orElseThrow().name()).isEqualTo("X Corp Holdings");

            List<RecordEdit> history = ana.history(bens);
            assertThat(history).extracting(RecordEdit::version).containsExactly(3, 2, 1);
            assertThat(history).extracting(RecordEdit::action).containsExactly("edit", "edit", "add");
            assertThat(history).allSatisfy(e -> assertThat(e.who()).isEqualTo(who(backEnd)));
            assertThat(RecordEditor.changes(history.get(0))).containsExactly(
                    new RecordEditor.FieldChange("name", "X Corporation", "X Corp Holdings"));
            assertThat(RecordEditor.changes(history.get(2))).as("an add lists every field it set")
                    .contains(new RecordEditor.FieldChange("symbol", null, "XYZ"));
            assertThat(history.get(2).before()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void daily_records_found_by_their_key_are_checked_like_the_rest(String backEnd) {
        StoreLocation where = store(backEnd);
        try (Workspace a = Workspace.open(where, Map.of()); Workspace b = Workspace.open(where, Map.of())) {
            RecordEditor ana = new RecordEditor(a);
            RecordEditor ben = new RecordEditor(b);
            java.time.LocalDate day = java.time.LocalDate.of(1999, 3, 4);
            FxRate rate = new FxRate("USD/CNY", day, 8.27, "test", "S", null, null);
            // A neighbour on the same pair and another date, and the same date on another pair, are other records.
            ana.save(null, new FxRate("USD/CNY", day.plusDays(1), 8.28, "test", "S", null, null));
            ana.save(null, new FxRate("EUR/USD", day, 1.09, "test", "S", null, null));
            ana.save(null, rate);
            assertThatThrownBy(() -> ben.save(null, new FxRate("USD/CNY", day, 8.3, "test", "S", null, null)))
                    .isInstanceOf(RecordConflict.class);
            FxRate anas = new FxRate("USD/CNY", day, 8.2701, "test", "S", null, null);
            ana.save(rate, anas);
            RecordConflict c = catchConflict(() -> ben.save(rate, new FxRate("USD/CNY", day, 8.0, "test", "S", null,
                    null)));
            assertThat(c.theirs()).isEqualTo(anas);
            assertThat(ana.current(anas)).isEqualTo(anas);

            PriceAssessment one = new PriceAssessment("NdPr oxide", day, 50.0, 52.0, "CNY", "kg", true, "spot",
                    "source A", "S", null, null);
            PriceAssessment otherSource = new PriceAssessment("NdPr oxide", day, 49.0, 51.0, "CNY", "kg", true,
                    "spot", "source B", "S", null, null);
            ana.save(null, one);
            ana.save(null, otherSource);
            ana.save(one, new PriceAssessment("NdPr oxide", day, 50.5, 52.0, "CNY", "kg", true, "spot", "source A",
                    "S", null, null));
            RecordConflict d = catchConflict(() -> ben.save(one, new PriceAssessment("NdPr oxide", day, 1.0, 2.0,
                    "CNY", "kg", true, "spot", "source A", "S", null, null)));
            assertThat(((PriceAssessment) d.theirs()).low()).isEqualTo(50.5);
            assertThat(ben.current(otherSource)).isEqualTo(otherSource);
        }
    }

    private static RecordConflict catchConflict(Runnable r) {
        try {
            r.run();
        } catch (RecordConflict c) {
            return c;
        }
        throw new AssertionError("no conflict");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_delete_an_add_and_an_undo_that_would_lose_another_analysts_change_are_refused(String backEnd) {
        StoreLocation where = store(backEnd);
        try (Workspace a = Workspace.open(where, Map.of()); Workspace b = Workspace.open(where, Map.of())) {
            RecordEditor ana = new RecordEditor(a);
            RecordEditor ben = new RecordEditor(b);
            Security first = security("QQQ", "Q Corp");
            ana.save(null, first);
            ana.save(first, security("QQQ", "Q Corporation"));

            // Ben deletes what he read: it was changed since.
            RecordConflict delete = catchConflict(() -> ben.delete(first));
            assertThat(delete.mine()).isNull();
            assertThat(delete.theirs()).isEqualTo(security("QQQ", "Q Corporation"));
            assertThat(a.securities.find("QQQ")).isPresent();

            // Both add the same new record: the second is refused, showing the first.
            ana.save(null, security("NEW", "Ana's"));
            RecordConflict add = catchConflict(() -> ben.save(null, security("NEW", "Ben's")));
            assertThat(add.opened()).isNull();
            assertThat(add.theirs()).isEqualTo(security("NEW", "Ana's"));
            assertThat(add.getMessage()).contains("added by someone else");

            // Ana's undo of her edit would lose Ben's later change: refused, and still on her undo history.
            ben.save(security("QQQ", "Q Corporation"), security("QQQ", "Q Corp (Ben)"));
            // Ana's last edit was the add of NEW; undo it first (nobody changed NEW since).
            assertThat(ana.undo()).contains("add");
            assertThat(a.securities.find("NEW")).isEmpty();
            assertThatThrownBy(ana::undo).isInstanceOf(RecordConflict.class);
            assertThat(a.securities.find("QQQ").orElseThrow().name()).isEqualTo("Q Corp (Ben)");
            assertThatThrownBy(ana::undo).as("the edit stays on the undo history").isInstanceOf(RecordConflict.class);

            // A record deleted by one and saved by the other: refused; overwriting adds it again.
            ben.delete(security("QQQ", "Q Corp (Ben)"));
            RecordConflict gone = catchConflict(() -> ana.save(security("QQQ", "Q Corp (Ben)"),
                    security("QQQ", "Q Corp (Ana)")));
            assertThat(gone.theirs()).isNull();
            assertThat(gone.getMessage()).contains("deleted by someone else");
            ana.overwrite(gone);
            assertThat(a.securities.find("QQQ").orElseThrow().name()).isEqualTo("Q Corp (Ana)");
            assertThat(ana.history(security("QQQ", "")).get(0).action()).isEqualTo("add");
            assertThat(ana.history(security("QQQ", "")).get(1).action()).isEqualTo("delete");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_record_keeps_its_history_through_a_new_key(String backEnd) {
        try (Workspace a = Workspace.open(store(backEnd), Map.of())) {
            RecordEditor ana = new RecordEditor(a);
            ana.save(null, security("OLD", "Old name"));
            ana.save(security("OLD", "Old name"), security("NEWSYM", "Old name"));
            List<RecordEdit> h = ana.history(security("NEWSYM", "Old name"));
            assertThat(h).extracting(RecordEdit::key).containsExactly("NEWSYM", "OLD");
            assertThat(h.get(0).previousKey()).isEqualTo("OLD");
            assertThat(h.get(0).version()).isEqualTo(2);
            assertThat(RecordEditor.changes(h.get(0))).containsExactly(
                    new RecordEditor.FieldChange("symbol", "OLD", "NEWSYM"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void two_clients_saving_the_same_version_at_once_make_one_edit_and_one_conflict(String backEnd)
            throws Exception {
        StoreLocation where = store(backEnd);
        try (Workspace a = Workspace.open(where, Map.of()); Workspace b = Workspace.open(where, Map.of())) {
            Security first = security("RACE", "Start");
            new RecordEditor(a).save(null, first);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CyclicBarrier together = new CyclicBarrier(2);
            try {
                List<Future<String>> outcomes = List.of(a, b).stream().map(w -> pool.submit(() -> {
                    RecordEditor e = new RecordEditor(w);
                    together.await();
                    try {
                        e.save(first, security("RACE", "By " + System.identityHashCode(w)));
                        return "saved";
                    } catch (RecordConflict c) {
                        return "conflict";
                    }
                })).toList();
                List<String> got = new java.util.ArrayList<>();
                for (Future<String> f : outcomes) {
                    got.add(f.get());
                }
                assertThat(got).containsExactlyInAnyOrder("saved", "conflict");
            } finally {
                pool.shutdown();
            }
            assertThat(new RecordEditor(a).history(first)).extracting(RecordEdit::version).containsExactly(2, 1);
        }
    }
}
