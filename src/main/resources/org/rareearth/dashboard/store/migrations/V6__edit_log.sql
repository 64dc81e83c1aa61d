-- Schema version 6: the edit log. Every change made to a record through the app (an add, an edit, a delete, and
-- their undo and redo) is kept with who made it, when, and the record before and after, as the record's JSON.
-- A record's version is the number of its latest entry (0 for a record never changed through the app); two
-- clients cannot both write the same version of one record.
CREATE TABLE record_edit (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    record_key   TEXT    NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    action       TEXT    NOT NULL CHECK (action IN ('add', 'edit', 'delete')),
    changed_at   TEXT    NOT NULL,
    changed_by   TEXT    NOT NULL,
    previous_key TEXT,
    before_json  TEXT,
    after_json   TEXT,
    UNIQUE (kind, record_key, version)
);
