package org.rareearth.dashboard.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.FxRate;
import org.rareearth.dashboard.store.StoreLocation;
import org.rareearth.dashboard.testing.PostgresServer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A change committed by another client of the same store reaches a follower by itself, with a note of who made it;
 * the follower's own writes are not reported as made elsewhere. On SQLite the other client is another connection
 * to the file (another program); on PostgreSQL, another session (LISTEN/NOTIFY).
 */
class LiveChangesTest {
    @TempDir
    Path dir;

    private static int day;

    private static void write(Workspace w) {
        w.datasets.write(Dataset.ofAll(List.of(new FxRate("USD/CNY", LocalDate.of(2020, 1, 1).plusDays(day++), 7.1,
                "live test", "S", null, null))), false);
    }

    private static void followAndCheck(Workspace mine, Workspace theirs, String expectedNote) throws Exception {
        List<StoreChanges.Change> seen = new CopyOnWriteArrayList<>();
        mine.changes().watchElsewhere();
        try (StoreChanges.Subscription s = mine.changes().follow(seen::add)) {
            write(mine);
            write(mine);
            assertThat(seen).hasSize(2).allMatch(c -> c.elsewhere() == null);
            write(theirs);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.stream().anyMatch(c -> c.elsewhere() != null));
            write(mine);
            write(theirs);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> seen.stream().filter(c -> c.elsewhere() != null).count() >= 2);
            List<StoreChanges.Change> elsewhere = seen.stream().filter(c -> c.elsewhere() != null).toList();
            assertThat(elsewhere).as("one note per change made elsewhere, none for this client's own")
                    .hasSize(2).allMatch(c -> c.elsewhere().equals(expectedNote));
            assertThat(seen.stream().filter(c -> c.elsewhere() == null)).hasSize(3);
            // The numbers keep the order in which changes were seen.
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).sequence()).isGreaterThan(seen.get(i - 1).sequence());
            }
        }
    }

    @Test
    void another_program_writing_the_same_file_is_noticed() throws Exception {
        Path db = dir.resolve("shared.db");
        try (Workspace mine = Workspace.open(db); Workspace theirs = Workspace.open(db)) {
            followAndCheck(mine, theirs, "the store was changed by another program");
        }
    }

    @Test
    void another_analyst_writing_the_team_store_is_noticed_by_name() throws Exception {
        PostgresServer server = PostgresServer.shared();
        StoreLocation pg = StoreLocation.parse(server.url(server.newDatabase()), "--db");
        try (Workspace mine = Workspace.open(pg, Map.of()); Workspace theirs = Workspace.open(pg, Map.of())) {
            followAndCheck(mine, theirs, PostgresServer.SUPERUSER + " changed the store");
        }
    }
}
