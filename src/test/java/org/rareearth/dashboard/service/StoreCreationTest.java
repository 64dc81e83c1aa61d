package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.store.Store;

/**
 * A new store file is whole or not there: a first start stopped while the default dataset is written leaves no
 * store with a schema and no records, which no later start would fill.
 */
class StoreCreationTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_new_store_is_filled_with_the_default_dataset_and_leaves_nothing_beside_it() throws IOException {
        Path db = dir.resolve("new.db");
        try (Workspace w = Workspace.open(db)) {
            assertThat(w.events.count()).isEqualTo(43);
            assertThat(w.datasets.counts().reactions()).isEqualTo(12);
        }
        assertThat(files()).containsExactly("new.db");
        // Opened again, it is not filled twice.
        try (Workspace w = Workspace.open(db)) {
            assertThat(w.events.count()).isEqualTo(43);
        }
    }

    @Test
    void a_creation_stopped_while_filling_leaves_no_store_and_the_next_open_makes_it_whole() throws IOException {
        Path db = dir.resolve("cut.db");
        assertThatThrownBy(() -> Workspace.createFilled(db, () -> {
            throw new IllegalStateException("stopped while the default dataset was written");
        })).hasMessageContaining("stopped while");
        assertThat(files()).as("no store, and no half-made file beside it").isEmpty();

        try (Workspace w = Workspace.open(db)) {
            assertThat(w.events.count()).isEqualTo(43);
        }
    }

    @Test
    void the_half_made_files_of_a_start_that_was_killed_are_removed_by_the_next() throws IOException {
        Path db = dir.resolve("killed.db");
        // A start whose process is gone (pid 0 is no process of ours) left its files; a running one keeps its own.
        Files.writeString(dir.resolve("killed.db.creating-0"), "half-made");
        Files.writeString(dir.resolve("killed.db.creating-0-wal"), "half-made");
        String running = "killed.db.creating-" + ProcessHandle.current().parent().orElseThrow().pid();
        Files.writeString(dir.resolve(running), "being made");
        try (Workspace w = Workspace.open(db)) {
            assertThat(w.events.count()).isEqualTo(43);
        }
        assertThat(files()).containsExactly("killed.db", running);
    }

    @Test
    void a_store_made_by_another_start_meanwhile_is_kept() throws IOException {
        Path other = dir.resolve("other.db");
        Store.open(other).close(); // another start's store: here a schema with no records
        Path db = dir.resolve("shared.db");
        Workspace.createFilled(db, () -> {
            try {
                Files.copy(other, db); // it takes the name while this one is being filled
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Workspace.defaultDataset();
        });
        try (Workspace w = Workspace.open(db)) {
            assertThat(w.events.count()).as("the other start's store, not replaced").isZero();
        }
        assertThat(files()).as("this start's half-made file is gone").containsExactly("other.db", "shared.db");
    }
}
