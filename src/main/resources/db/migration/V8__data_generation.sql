-- A counter that moves whenever published figures may have changed: a run published,
-- superseded or marked stale, an estimate or an offset recorded, a project registered.
-- Caches of query answers keep the value they were computed at and are stale as soon as it
-- moves, on every replica alike.
--
-- The counter moves at commit (deferred constraint triggers), once per transaction: a reader
-- that sees the new value sees the committed data too, and the row lock is held only while
-- the transaction commits, not for the minutes an allocation of a large month takes.
create table data_generation (
    id    smallint primary key check (id = 1),
    value bigint   not null
);
insert into data_generation values (1, 0);

create function bump_data_generation() returns trigger language plpgsql as $$
begin
    if current_setting('carbon.generation_moved', true) = 'yes' then
        return null;
    end if;
    perform set_config('carbon.generation_moved', 'yes', true);
    update data_generation set value = value + 1 where id = 1;
    return null;
end
$$;

create constraint trigger allocation_run_moves_generation
    after insert or update or delete on allocation_run deferrable initially deferred
    for each row execute function bump_data_generation();
create constraint trigger methodology_run_moves_generation
    after insert or update or delete on methodology_run deferrable initially deferred
    for each row execute function bump_data_generation();
create constraint trigger estimate_moves_generation
    after insert or update or delete on estimate deferrable initially deferred
    for each row execute function bump_data_generation();
create constraint trigger offset_record_moves_generation
    after insert or update or delete on offset_record deferrable initially deferred
    for each row execute function bump_data_generation();
create constraint trigger project_moves_generation
    after insert or update or delete on project deferrable initially deferred
    for each row execute function bump_data_generation();
