package org.rareearth.dashboard.desktop.timeline;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.rareearth.dashboard.desktop.common.LatestRead;
import org.rareearth.dashboard.domain.PolicyEvent;

/**
 * The timeline's records: every event in the store, read off the FX thread (see {@link LatestRead}). The filters
 * and the selection stay in the view, which lays out what this reads.
 */
public final class TimelineViewModel extends LatestRead<List<PolicyEvent>> {
    /** {@code read} runs on {@code background}; what it gives is published on {@code ui} (the FX thread). */
    public TimelineViewModel(Supplier<List<PolicyEvent>> read, Executor background, Executor ui) {
        super("the timeline", read, background, ui);
    }
}
