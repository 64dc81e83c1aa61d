package org.rareearth.dashboard.store;

import java.time.Instant;

/**
 * One entry of the edit log: a change made to a record. {@code version} counts the record's changes from 1;
 * {@code before} and {@code after} are the record's JSON (null before an add and after a delete);
 * {@code previousKey} is the key it had before, when the change gave it a new one; {@code via} is what the change
 * came through: null for the app's record forms, else the import ("dataset import desk.json").
 */
public record RecordEdit(long id, String kind, String key, int version, String action, Instant at, String who,
                         String previousKey, String before, String after, String via) {

    /** What the change came through, in words: "the app" for the record forms, else the import. */
    public String through() {
        return via == null ? "the app" : via;
    }
}
