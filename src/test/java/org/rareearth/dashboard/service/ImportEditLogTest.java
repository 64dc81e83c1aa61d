package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.domain.PolicyEvent;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.io.dataset.DatasetFiles;
import org.rareearth.dashboard.store.RecordConflict;
import org.rareearth.dashboard.store.RecordEdit;
import org.rareearth.dashboard.store.StoreLocation;
import org.rareearth.dashboard.testing.CliRun;
import org.rareearth.dashboard.testing.TestStores;

/**
 * Imports enter what they change in the edit log, as edits in the app do: each record a dataset import adds, changes
 * or (replacing the store) removes, and each record added from the bundled dataset; with who, when, before and after,
 * and what the change came through. Records an import leaves as they were get no entry, and neither do daily prices.
 * The same on a store file and on a team store.
 */
class ImportEditLogTest {
    @TempDir
    Path dir;

    private StoreLocation store(String backEnd) {
        return TestStores.fresh(backEnd, dir.resolve("desk.db"));
    }

    private static String who(String backEnd) {
        return TestStores.writer(backEnd);
    }

    private static final FxRate NEW_RATE = new FxRate("USD/CNY", LocalDate.of(2020, 1, 2), 6.9618, "PBOC central parity",
            "S", null, null);

    private Path dataset(String name, Object... records) throws IOException {
        Path file = dir.resolve(name);
        DatasetFiles.write(Dataset.ofAll(List.of(records)), file);
        return file;
    }

    /** Every entry the log holds for the store's records now, and for {@code gone} (records no longer stored). */
    private static int entries(Workspace w, Object... gone) {
        RecordEditor editor = new RecordEditor(w);
        int n = 0;
        for (Object r : w.datasets.records().records()) {
            n += editor.history(r).size();
        }
        for (Object r : gone) {
            n += editor.history(r).size();
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_dataset_import_enters_each_record_it_adds_or_changes_and_none_it_leaves_as_it_was(String backEnd)
            throws IOException {
        try (Workspace w = Workspace.open(store(backEnd), Map.of())) {
            assertThat(entries(w)).as("filling a new store is not a change").isZero();
            Security mp = w.securities.find("MP").orElseThrow();
            Security changed = mp.withSourceUrl("https://example.org/mp-10-k");
            Security lynas = w.securities.find("LYC").orElseThrow();
            Path file = dataset("desk.json", changed, lynas, NEW_RATE);

            w.importDataset(file, false);

            RecordEditor editor = new RecordEditor(w);
            assertThat(editor.history(changed)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("edit");
                assertThat(e.version()).isEqualTo(1);
                assertThat(e.who()).isEqualTo(who(backEnd));
                assertThat(e.via()).isEqualTo("dataset import desk.json");
                assertThat(e.through()).isEqualTo("dataset import desk.json");
                assertThat(RecordEditor.changes(e)).containsExactly(
                        new RecordEditor.FieldChange("sourceUrl", mp.sourceUrl(), "https://example.org/mp-10-k"));
            });
            assertThat(editor.history(NEW_RATE)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("add");
                assertThat(e.before()).isNull();
                assertThat(e.after()).contains("6.9618");
                assertThat(e.via()).isEqualTo("dataset import desk.json");
            });
            assertThat(editor.history(lynas)).as("the same in the file as in the store").isEmpty();
            assertThat(entries(w)).isEqualTo(2);

            // The same file again changes nothing, and enters nothing.
            w.importDataset(file, false);
            assertThat(entries(w)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void replacing_the_store_enters_a_delete_for_each_record_the_file_lacks(String backEnd) throws IOException {
        try (Workspace w = Workspace.open(store(backEnd), Map.of())) {
            List<Object> before = w.datasets.records().records();
            Security mp = w.securities.find("MP").orElseThrow();
            PolicyEvent someEvent = w.events.all().get(0);
            Path file = dataset("only-mp.json", mp);

            w.importDataset(file, true);

            RecordEditor editor = new RecordEditor(w);
            assertThat(editor.history(mp)).as("kept as it was").isEmpty();
            assertThat(editor.history(someEvent)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("delete");
                assertThat(e.after()).isNull();
                assertThat(e.before()).contains(someEvent.code());
                assertThat(e.via()).isEqualTo("dataset import only-mp.json, replacing the store");
            });
            assertThat(entries(w, before.toArray())).as("one delete for every record but MP")
                    .isEqualTo(before.size() - 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void keeping_existing_records_enters_only_the_records_added(String backEnd) throws IOException {
        try (Workspace w = Workspace.open(store(backEnd), Map.of())) {
            Security mp = w.securities.find("MP").orElseThrow();
            Path file = dataset("desk.json", mp.withSourceUrl("https://example.org/other"), NEW_RATE);

            var plan = w.importDatasetKeepingExisting(file);

            assertThat(plan.added()).isEqualTo(1);
            RecordEditor editor = new RecordEditor(w);
            assertThat(editor.history(mp)).as("kept as stored").isEmpty();
            assertThat(editor.history(NEW_RATE)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("add");
                assertThat(e.via()).isEqualTo("dataset import desk.json, keeping existing records");
            });
            assertThat(entries(w)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void records_added_from_the_bundled_dataset_are_entered_as_such(String backEnd) {
        try (Workspace w = Workspace.open(store(backEnd), Map.of())) {
            PolicyEvent event = w.events.all().get(0);
            new RecordEditor(w).delete(event);
            var missing = w.bundledRecordsMissing();
            assertThat(missing.additions().events()).contains(event);

            w.addBundled(List.of(event));

            assertThat(new RecordEditor(w).history(event)).extracting(RecordEdit::action, RecordEdit::through)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("add",
                                    "records added from the bundled dataset"),
                            org.assertj.core.groups.Tuple.tuple("delete", "the app"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_edit_opened_before_an_import_changed_the_record_is_refused_naming_the_import(String backEnd)
            throws IOException {
        StoreLocation where = store(backEnd);
        try (Workspace ana = Workspace.open(where, Map.of()); Workspace ben = Workspace.open(where, Map.of())) {
            Security opened = ben.securities.find("MP").orElseThrow();
            Path file = dataset("desk.json", opened.withSourceUrl("https://example.org/mp-10-k"));
            ana.importDataset(file, false);

            Security bens = opened.withSourceUrl("https://example.org/mp-ir");
            assertThatThrownBy(() -> new RecordEditor(ben).save(opened, bens))
                    .isInstanceOfSatisfying(RecordConflict.class, c -> {
                        assertThat(c.lastEdit().via()).isEqualTo("dataset import desk.json");
                        assertThat(c.lastEdit().version()).isEqualTo(1);
                        assertThat(c.getMessage()).contains("version 1, through dataset import desk.json")
                                .contains("nothing was saved");
                    });
            // Saved over the import's version, the record's history has both, newest first.
            Security imported = ben.securities.find("MP").orElseThrow();
            new RecordEditor(ben).save(imported, bens);
            assertThat(new RecordEditor(ana).history(bens)).extracting(RecordEdit::version, RecordEdit::through)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "the app"),
                            org.assertj.core.groups.Tuple.tuple(1, "dataset import desk.json"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_price_import_enters_nothing_and_the_security_it_creates_names_the_import_itself(String backEnd)
            throws IOException {
        StoreLocation where = store(backEnd);
        String db = where instanceof StoreLocation.SqliteFile f ? f.path().toString() : where.display();
        Path csv = dir.resolve("NEWCO.csv");
        Files.writeString(csv, "Date,Close\n2026-01-05,10.5\n2026-01-06,11.0\n");
        Path bad = dir.resolve("OTHER.csv");
        Files.writeString(bad, "Date,Close\n2026-01-05,10.5\n2026-01-06,not a price\n");

        assertThat(CliRun.run("--db", db, "import-prices", bad.toString(), "--symbol", "OTHER", "--create").code())
                .isEqualTo(1);
        assertThat(CliRun.run("--db", db, "import-prices", csv.toString(), "--symbol", "NEWCO", "--create").code())
                .isZero();

        try (Workspace w = Workspace.open(where, Map.of())) {
            assertThat(w.securities.find("OTHER")).as("the refused import wrote nothing").isEmpty();
            Security created = w.securities.find("NEWCO").orElseThrow();
            // Daily bars are series, not records; a security the import creates carries its origin in its own
            // source and note (its log entry would cost every such command-line import the JSON mapper's start).
            assertThat(created.source()).isEqualTo("price import: NEWCO.csv");
            assertThat(created.note()).startsWith("Created by a price import");
            assertThat(entries(w)).isZero();
        }
    }
}
