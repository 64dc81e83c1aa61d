-- Equity stakes taken in listed companies (a holder, a security, a date; what was paid and the share it buys).
CREATE TABLE stake (
    id          INTEGER PRIMARY KEY,
    holder      TEXT    NOT NULL,
    security_id INTEGER NOT NULL REFERENCES security(id) ON DELETE RESTRICT,
    event_id    INTEGER REFERENCES event(id) ON DELETE RESTRICT,
    date        TEXT    NOT NULL,
    amount      REAL,
    currency    TEXT,
    percent     REAL,
    instrument  TEXT,
    source      TEXT    NOT NULL,
    confidence  TEXT,
    note        TEXT,
    UNIQUE (holder, security_id, date)
);
CREATE INDEX stake_event ON stake(event_id);
