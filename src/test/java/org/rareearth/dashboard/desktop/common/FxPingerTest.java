package org.rareearth.dashboard.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The pinger notes how long the FX thread kept its tasks waiting, and hears of every tick. */
class FxPingerTest {

    @Test
    void a_busy_fx_thread_shows_as_a_long_wait_and_the_longest_is_taken_once() throws Exception {
        // The toolkit as the window tests start it (see FrontTabTest).
        org.testfx.api.FxToolkit.registerPrimaryStage();
        List<Long> waits = new CopyOnWriteArrayList<>();
        AtomicInteger ticks = new AtomicInteger();
        try (FxPinger pinger = new FxPinger(waits::add, ticks::incrementAndGet)) {
            // A few pings answered on an idle FX thread first.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> waits.size() >= 3);
            pinger.takeLongest();
            // The FX thread is kept busy until the pinger has ticked since (so a ping is waiting), then 150 ms more:
            // that ping waits at least 150 ms, however fast or loaded the machine.
            WaitForAsyncUtils.asyncFx(() -> {
                int start = ticks.get();
                while (ticks.get() < start + 2) {
                    Thread.onSpinWait();
                }
                long posted = System.nanoTime();
                while (System.nanoTime() - posted < TimeUnit.MILLISECONDS.toNanos(150)) {
                    Thread.onSpinWait();
                }
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> waits.stream().anyMatch(w -> w >= TimeUnit.MILLISECONDS.toNanos(150)));
            long longest = pinger.takeLongest();
            assertThat(longest).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
            // Taken: the next reading starts again, from the short waits of an idle FX thread.
            WaitForAsyncUtils.waitForFxEvents();
            int answered = waits.size();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> waits.size() >= answered + 3);
            assertThat(pinger.takeLongest()).isLessThan(longest);
        }
    }
}
