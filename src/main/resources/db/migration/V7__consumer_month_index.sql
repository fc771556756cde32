-- The project and dashboard views select allocation rows by coalesce(project, bucket), the
-- consumer a row belongs to; without an index on that expression every per-project query
-- scanned the whole table (about 30 ms at 144,000 rows, see docs/performance.md).
create index allocation_row_consumer_month on allocation_row ((coalesce(project, bucket)), month);
