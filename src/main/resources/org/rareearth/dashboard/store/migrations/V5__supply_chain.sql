-- Non-China supply-chain projects, one per facility and stage, with the history of their target years.
CREATE TABLE capacity_project (
    id                 INTEGER PRIMARY KEY,
    code               TEXT    NOT NULL UNIQUE,
    operator           TEXT    NOT NULL,
    facility           TEXT    NOT NULL,
    country            TEXT    NOT NULL,
    stage              TEXT    NOT NULL,
    capacity           REAL,
    capacity_high      REAL,
    unit               TEXT,
    product            TEXT,
    status             TEXT    NOT NULL,
    first_output_year  INTEGER,
    construction_start INTEGER,
    -- A link, not a dependency: deleting the event or the floor leaves the project without it.
    event_id           INTEGER REFERENCES event(id) ON DELETE SET NULL,
    floor_id           INTEGER REFERENCES price_floor(id) ON DELETE SET NULL,
    source             TEXT    NOT NULL,
    confidence         TEXT,
    note               TEXT,
    source_url         TEXT
);
CREATE INDEX capacity_project_stage ON capacity_project(stage);
CREATE TABLE capacity_target (
    project_id INTEGER NOT NULL REFERENCES capacity_project(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    as_of      TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    source     TEXT    NOT NULL,
    source_url TEXT,
    note       TEXT,
    PRIMARY KEY (project_id, position)
);
-- China's share of world output by stage and year, one row per source.
CREATE TABLE stage_share (
    id         INTEGER PRIMARY KEY,
    stage      TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    share      REAL    NOT NULL,
    source     TEXT    NOT NULL,
    confidence TEXT,
    note       TEXT,
    source_url TEXT,
    UNIQUE (stage, year, source)
);
-- China's mining and smelting/separation quotas by year; volumes are empty for a year not published.
CREATE TABLE quota (
    year       INTEGER PRIMARY KEY,
    mining     REAL,
    smelting   REAL,
    published  INTEGER NOT NULL,
    source     TEXT    NOT NULL,
    confidence TEXT,
    note       TEXT,
    source_url TEXT
);
