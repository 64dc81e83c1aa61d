-- Every record may carry the address of its source beside the source's name.
ALTER TABLE security ADD COLUMN source_url TEXT;
ALTER TABLE event ADD COLUMN source_url TEXT;
ALTER TABLE reaction ADD COLUMN source_url TEXT;
ALTER TABLE price_assessment ADD COLUMN source_url TEXT;
ALTER TABLE fx_rate ADD COLUMN source_url TEXT;
ALTER TABLE price_floor ADD COLUMN source_url TEXT;
ALTER TABLE stake ADD COLUMN source_url TEXT;
-- The events an event acts on (a suspension names the measures it suspends; a follow-up names its measure).
-- Held by code, so that a link may name an event the store does not hold yet.
CREATE TABLE event_related (
    event_id     INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    related_code TEXT    NOT NULL,
    PRIMARY KEY (event_id, related_code)
);
CREATE INDEX event_related_code ON event_related(related_code);
-- A price floor's volume (tonnes a year) and upside terms: the price above which the upside is shared and a
-- yearly cap on the guarantor's share.
ALTER TABLE price_floor ADD COLUMN volume REAL;
ALTER TABLE price_floor ADD COLUMN upside_from REAL;
ALTER TABLE price_floor ADD COLUMN upside_cap REAL;
