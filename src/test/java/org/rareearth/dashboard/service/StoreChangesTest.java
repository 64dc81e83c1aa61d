package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.testing.TestStores;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.store.RecordStore;

class StoreChangesTest {
    @TempDir
    Path dir;

    @Test
    void every_committed_write_is_told_once_in_order_and_a_rolled_back_one_is_not() {
        try (Workspace w = TestStores.open(dir.resolve("s.db"))) {
            List<Long> seen = Collections.synchronizedList(new ArrayList<>());
            // Changes are numbered by the workspace that saw them: a new SQLite store is filled beside its name before
            // this workspace opens it (none seen yet), a new team store is filled by this workspace (one write).
            long base = w.changes().latest();
            assertThat(base).isEqualTo(TestStores.onPostgres() ? 1 : 0);
            StoreChanges.Subscription sub = w.changes().follow(c -> seen.add(c.sequence()));
            RecordStore records = new RecordStore(w.store(), org.rareearth.dashboard.service.RecordEditor::json);
            Security x = new Security("XYZ", "X Corp", "NYSE", "USD", "US", false, "test", "S", null);
            records.save(null, x);
            records.save(x, x.withSourceUrl("https://example.org"));
            assertThatThrownBy(() -> w.store().write(c -> {
                throw new IllegalStateException("half-way");
            })).isInstanceOf(IllegalStateException.class);
            w.store().read(c -> 1);

            assertThat(seen).containsExactly(base + 1, base + 2);
            assertThat(w.changes().latest()).isEqualTo(base + 2);

            sub.close();
            records.delete(x.withSourceUrl("https://example.org"));
            assertThat(seen).hasSize(2);
            assertThat(w.changes().latest()).isEqualTo(base + 3);
        }
    }

    @Test
    void a_restore_is_a_change() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStores.onPostgres(),
                "a restore from a file backup is for SQLite stores; a team store refuses it (PostgresStoreTest)");
        try (Workspace w = TestStores.open(dir.resolve("s.db"))) {
            Path copy = dir.resolve("copy.db");
            w.store().backupTo(copy);
            List<Long> seen = new ArrayList<>();
            w.changes().follow(c -> seen.add(c.sequence()));
            w.store().restoreFrom(copy);
            assertThat(seen).containsExactly(w.changes().latest());
        }
    }
}
