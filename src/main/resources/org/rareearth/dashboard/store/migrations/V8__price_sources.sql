-- Schema version 8: a daily bar names its source by number. The text (such as "import of prices.csv on
-- 2026-12-06") is kept once in price_source instead of on every bar: a million-bar import wrote the same 20-odd
-- characters a million times, and the store was 60 % larger for it.
CREATE TABLE price_source (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO price_source (name) SELECT DISTINCT source FROM price_bar WHERE source IS NOT NULL ORDER BY source;
-- No foreign key on source_id: on PostgreSQL a key is checked row by row (a trigger per bar), which took a
-- million-bar import from 6.9 to 9.3 s. The app writes a number only after PriceSources.idOf has made it, and removes
-- sources only together with every bar (a dataset replace); a number without its text reads as no source.
ALTER TABLE price_bar ADD COLUMN source_id INTEGER;
UPDATE price_bar SET source_id = (SELECT p.id FROM price_source p WHERE p.name = price_bar.source)
    WHERE source IS NOT NULL;
ALTER TABLE price_bar DROP COLUMN source;
