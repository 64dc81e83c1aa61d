package org.rareearth.dashboard.desktop.data;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.rareearth.dashboard.desktop.common.LatestRead;
import org.rareearth.dashboard.domain.Dataset;
import org.rareearth.dashboard.domain.Security;
import org.rareearth.dashboard.service.AppClock;
import org.rareearth.dashboard.service.RecordEditor;
import org.rareearth.dashboard.service.Review;
import org.rareearth.dashboard.service.Workspace;

/**
 * The Data screen's state, without a toolkit: every record but the daily prices, the review list of the day and
 * what a form checks against, all from one read off the FX thread, followed on the store's changes. The forms
 * check as the user types against {@link #known()} (no store work then); a save checks against the store again.
 */
public final class DataViewModel extends LatestRead<DataViewModel.Snapshot> {
    /** One read: the records, what needs a look on {@code day}, and the checking context they give. */
    public record Snapshot(Dataset records, List<Review.Item> review, LocalDate day, RecordEditor.Context known) {
        public Snapshot {
            review = List.copyOf(review);
        }

        /** The securities' symbols, in the store's order (the daily-prices tab's choices). */
        public List<String> symbols() {
            return records.securities().stream().map(Security::symbol).toList();
        }

        /** The records of one kind. */
        <T> List<T> of(RecordKind<T> kind) {
            return kind.of(records);
        }
    }

    /** {@code read} runs on {@code background}; what it gives is published on {@code ui} (the FX thread). */
    public DataViewModel(Supplier<Snapshot> read, Executor background, Executor ui) {
        super("the records", read, background, ui);
    }

    /** Over a workspace, the review list of the app's day. */
    public static DataViewModel over(Workspace services, Executor background, Executor ui) {
        return new DataViewModel(() -> read(services, AppClock.today()), background, ui);
    }

    /** Reads the records and the review list of {@code day} (the {@code review} command's list). */
    public static Snapshot read(Workspace services, LocalDate day) {
        Dataset d = services.datasets.records();
        return new Snapshot(d, Review.items(d, services.priceBars.lastDates(), day), day,
                RecordEditor.Context.of(d));
    }

    /** What a form checks against: the latest read's, or nothing known before the first read. */
    public RecordEditor.Context known() {
        Snapshot s = valueProperty().get();
        return s == null ? RecordEditor.Context.EMPTY : s.known();
    }
}
