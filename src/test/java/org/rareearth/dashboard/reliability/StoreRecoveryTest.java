package org.rareearth.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.service.Workspace;
import org.rareearth.dashboard.service.StoreRecovery;
import org.rareearth.dashboard.store.StoreException;

class StoreRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void the_latest_backup_replaces_an_unusable_store_which_is_kept_aside_unchanged() throws Exception {
        Path db = dir.resolve("dashboard.db");
        try (Workspace s = Workspace.open(db)) {
            s.store().backupTo(dir.resolve("backups/dashboard-old.db"));
            s.store().backupTo(dir.resolve("backups/dashboard-new.db"));
        }
        // The newer file by its time stamp (set, so that the file system's time resolution plays no part).
        Files.setLastModifiedTime(dir.resolve("backups/dashboard-old.db"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(dir.resolve("backups/dashboard-new.db"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(StoreRecovery.latestBackup(db)).get().extracting(p -> p.getFileName().toString())
                .isEqualTo("dashboard-new.db");
        Files.writeString(db, "scribbled over by another program");
        assertThatThrownBy(() -> Workspace.open(db)).isInstanceOf(StoreException.class);
        Path aside = StoreRecovery.restoreLatest(db);
        assertThat(Files.readString(aside)).isEqualTo("scribbled over by another program");
        try (Workspace s = Workspace.open(db)) {
            assertThat(s.datasets.counts().events()).isEqualTo(Workspace.defaultDataset().events().size());
        }
    }

    @Test
    void without_a_backup_recovery_says_where_it_looked() {
        Path db = dir.resolve("lonely.db");
        assertThat(StoreRecovery.latestBackup(db)).isEmpty();
        assertThatThrownBy(() -> StoreRecovery.restoreLatest(db)).hasMessageContaining("No backup of lonely.db")
                .hasMessageContaining("backups");
    }
}
