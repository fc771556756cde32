-- Usage lines and allocation rows are written with COPY, past Hibernate, so their ids come
-- from the column: each row takes nextval of the table's sequence.
--
-- Why this cannot collide with ids Hibernate hands out from the same sequences: both sequences
-- step by 50 and are never set by hand, so every value they give is 1 modulo 50 and no value
-- is given twice. Hibernate's pooled optimizer turns one value v it fetched into the block
-- [v - 49, v] (pooled-lo: [v, v + 49]; the very first block is [1, 51], from the first two
-- values, both Hibernate's). Any 50 consecutive integers hold exactly one value that is 1
-- modulo 50, so a block contains no sequence value but those Hibernate itself fetched, and a
-- row's own value v is never inside another's block. The cost is 49 unused ids per row, about
-- 5e8 ids for a month of ten million lines, far inside bigint.
alter table usage_line alter column id set default nextval('usage_line_seq');
alter table allocation_row alter column id set default nextval('allocation_row_seq');

