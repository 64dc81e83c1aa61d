-- Schema version 1: every record keeps its source, a confidence mark and a note.
CREATE TABLE security (
    id            INTEGER PRIMARY KEY,
    symbol        TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    exchange      TEXT    NOT NULL,
    currency      TEXT    NOT NULL,
    country       TEXT,
    is_benchmark  INTEGER NOT NULL DEFAULT 0 CHECK (is_benchmark IN (0, 1)),
    source        TEXT    NOT NULL,
    confidence    TEXT,
    note          TEXT
);

CREATE TABLE price_bar (
    security_id INTEGER NOT NULL REFERENCES security(id) ON DELETE RESTRICT,
    date        TEXT    NOT NULL,
    open        REAL,
    high        REAL,
    low         REAL,
    close       REAL    NOT NULL,
    adj_close   REAL,
    volume      INTEGER,
    source      TEXT,
    PRIMARY KEY (security_id, date)
) WITHOUT ROWID;

CREATE TABLE event (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    actor           TEXT NOT NULL,
    category        TEXT NOT NULL,
    title           TEXT NOT NULL,
    summary         TEXT,
    announced       TEXT NOT NULL,
    effective       TEXT,
    ends            TEXT,
    suspended_from  TEXT,
    suspended_until TEXT,
    status          TEXT NOT NULL,
    source          TEXT NOT NULL,
    confidence      TEXT,
    note            TEXT
);
CREATE INDEX event_announced ON event(announced);

CREATE TABLE event_material (
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    material TEXT    NOT NULL,
    PRIMARY KEY (event_id, material)
) WITHOUT ROWID;

CREATE TABLE reaction (
    id          INTEGER PRIMARY KEY,
    security_id INTEGER NOT NULL REFERENCES security(id) ON DELETE RESTRICT,
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE RESTRICT,
    date        TEXT    NOT NULL,
    measure     TEXT    NOT NULL,
    percent     REAL    NOT NULL,
    from_price  REAL,
    to_price    REAL,
    source      TEXT    NOT NULL,
    confidence  TEXT,
    note        TEXT,
    UNIQUE (security_id, event_id, measure, date)
);
CREATE INDEX reaction_event ON reaction(event_id);

CREATE TABLE price_assessment (
    id            INTEGER PRIMARY KEY,
    commodity     TEXT    NOT NULL,
    date          TEXT    NOT NULL,
    low           REAL    NOT NULL,
    high          REAL    NOT NULL,
    currency      TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    vat_included  INTEGER NOT NULL CHECK (vat_included IN (0, 1)),
    basis         TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    confidence    TEXT,
    note          TEXT,
    UNIQUE (commodity, date, basis, source)
);

CREATE TABLE fx_rate (
    pair        TEXT NOT NULL,
    date        TEXT NOT NULL,
    rate        REAL NOT NULL,
    source      TEXT NOT NULL,
    confidence  TEXT,
    note        TEXT,
    PRIMARY KEY (pair, date)
) WITHOUT ROWID;

CREATE TABLE price_floor (
    id            INTEGER PRIMARY KEY,
    program       TEXT NOT NULL UNIQUE,
    commodity     TEXT NOT NULL,
    level         REAL NOT NULL,
    currency      TEXT NOT NULL,
    unit          TEXT NOT NULL,
    start_date    TEXT NOT NULL,
    end_date      TEXT,
    upside_share  REAL,
    source        TEXT NOT NULL,
    confidence    TEXT,
    note          TEXT
);
