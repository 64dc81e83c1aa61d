-- A security's ticker at a quote source, where it differs from the default derived from its symbol and exchange.
CREATE TABLE security_ticker (
    security_id INTEGER NOT NULL REFERENCES security(id) ON DELETE CASCADE,
    source      TEXT    NOT NULL,
    ticker      TEXT    NOT NULL,
    PRIMARY KEY (security_id, source)
);
-- One download of daily prices from a quote source: what was asked for and what came back.
CREATE TABLE price_fetch (
    id          INTEGER PRIMARY KEY,
    security_id INTEGER NOT NULL REFERENCES security(id) ON DELETE CASCADE,
    source      TEXT    NOT NULL,
    ticker      TEXT    NOT NULL,
    fetched_at  TEXT    NOT NULL,
    first_date  TEXT,
    last_date   TEXT,
    rows        INTEGER NOT NULL,
    inserted    INTEGER NOT NULL,
    updated     INTEGER NOT NULL
);
CREATE INDEX price_fetch_security ON price_fetch(security_id, fetched_at);
