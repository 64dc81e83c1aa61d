-- Schema version 7: the edit log also keeps the changes that imports make. Each entry says what the change came
-- through: empty for an edit in the app's forms (and for every entry written before this version), else the import,
-- e.g. "dataset import desk.json" or "records added from the bundled dataset".
ALTER TABLE record_edit ADD COLUMN via TEXT;
