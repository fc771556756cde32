-- Month closes: every run of the monthly batch, whoever triggered it, with its inputs and
-- their content hashes, the methodology version, the runs it published, totals and timings.
-- status: running (or interrupted, when a later close finds it abandoned), done,
-- nothing-to-do, quality-threshold-exceeded, failed.
create sequence close_run_seq;
create table close_run (
    id                    bigint primary key,
    month                 varchar(7)   not null,
    triggered_by          varchar(128) not null,
    status                varchar(32)  not null,
    exit_code             integer,
    methodology_version   varchar(256) not null,
    allocation_run_id     bigint references allocation_run (id),
    methodology_run_id    bigint references methodology_run (id),
    inputs                jsonb        not null default '[]'::jsonb,
    stages                jsonb        not null default '[]'::jsonb,
    totals                jsonb,
    message               text,
    started_at            timestamptz  not null,
    finished_at           timestamptz
);
create index close_run_month on close_run (month, id);
