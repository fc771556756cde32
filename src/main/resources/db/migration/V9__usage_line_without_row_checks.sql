-- Usage lines no longer check their import batch row by row. A foreign key fires a trigger per
-- inserted row, and for a month's COPY that was the largest single cost on the database's
-- side: loading a million lines took 8.7 s with both keys and 5.6 s without
-- (docs/performance.md). What the keys guarded cannot happen through this service: a usage
-- line is written only by the import that inserted its batch in the same transaction,
-- superseded_by is only ever set to the id of the import doing the superseding, and no code
-- deletes an import batch (the cascade never ran). Emissions cells and quarantined rows, a few
-- per file, keep theirs.
alter table usage_line drop constraint usage_line_import_id_fkey;
alter table usage_line drop constraint usage_line_superseded_by_fkey;

-- The index on import_id served the cascade only; nothing looks usage lines up by import.
drop index usage_line_import;
