package org.rareearth.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads have their own connection: they never wait for a write under way, and see only committed states. */
class StoreReadsTest {
    @TempDir
    Path dir;

    private static long securities(Store s) {
        return s.read(c -> Jdbc.count(c, "security"));
    }

    @Test
    void a_read_does_not_wait_for_a_write_in_progress_and_sees_the_state_before_it() throws Exception {
        try (Store s = Store.open(org.rareearth.dashboard.testing.TestStores.location(dir.resolve("s.db")))) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> s.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO security (symbol, name, exchange, currency, is_benchmark, source,"
                            + " confidence) VALUES ('NEW', 'New', 'NYSE', 'USD', 0, 'test', 'S')");
                }
                // The write sees its own row through a read on its thread.
                assertThat(securities(s)).isEqualTo(1);
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

            // Were reads to wait for the write, this would never return: the write waits for this test.
            CompletableFuture<Long> during = CompletableFuture.supplyAsync(() -> securities(s));
            assertThat(during.get(30, TimeUnit.SECONDS)).isZero();

            release.countDown();
            writer.get(30, TimeUnit.SECONDS);
            assertThat(securities(s)).isEqualTo(1);
        }
    }

    @Test
    void reads_are_refused_after_close_with_the_store_named() throws Exception {
        StoreLocation where = org.rareearth.dashboard.testing.TestStores.location(dir.resolve("s.db"));
        Store s = Store.open(where);
        securities(s);
        s.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> securities(s))
                .isInstanceOf(StoreException.class).hasMessageContaining(where.display());
    }
}
