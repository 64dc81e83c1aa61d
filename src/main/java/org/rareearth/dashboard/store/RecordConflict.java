package org.rareearth.dashboard.store;

/**
 * A save or delete refused because someone else changed the record since it was opened: {@code opened} is the
 * record as it was read (null for a new record), {@code mine} what this user would write (null for a delete),
 * {@code theirs} what the store holds now (null when it was deleted), and {@code lastEdit} the edit log's latest
 * entry for it (null for a change no entry records: one made by another program, or an import before imports were
 * logged). Nothing was written.
 */
public final class RecordConflict extends StoreException {
    private final transient Object opened;
    private final transient Object mine;
    private final transient Object theirs;
    private final transient RecordEdit lastEdit;

    public RecordConflict(String describedRecord, Object opened, Object mine, Object theirs, RecordEdit lastEdit) {
        super(message(describedRecord, opened, theirs, lastEdit));
        this.opened = opened;
        this.mine = mine;
        this.theirs = theirs;
        this.lastEdit = lastEdit;
    }

    private static String message(String what, Object opened, Object theirs, RecordEdit lastEdit) {
        String by = lastEdit == null ? "" : " (by " + lastEdit.who() + " at " + java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC).format(lastEdit.at())
                + ", version " + lastEdit.version() + (lastEdit.via() == null ? "" : ", through " + lastEdit.via())
                + ")";
        if (opened == null) {
            return what + " was added by someone else in the meantime" + by + "; nothing was saved.";
        }
        if (theirs == null) {
            return what + " was deleted by someone else since it was opened" + by + "; nothing was saved.";
        }
        return what + " was changed by someone else since it was opened" + by + "; nothing was saved.";
    }

    public Object opened() {
        return opened;
    }

    public Object mine() {
        return mine;
    }

    public Object theirs() {
        return theirs;
    }

    public RecordEdit lastEdit() {
        return lastEdit;
    }
}
