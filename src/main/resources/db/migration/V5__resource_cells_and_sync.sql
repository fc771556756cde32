-- Emissions narrowed to one resource (Azure Carbon Optimization reports per resource; the
-- engine joins them to FOCUS ResourceId ignoring case), and cells whose location-based
-- scope 2 is the market-based figure standing in because the provider publishes no other.
alter table emissions_cell add column resource_id text;
alter table emissions_cell add column scope2_location_from_market boolean not null default false;
alter table emissions_cell add constraint emissions_cell_stand_in_needs_split
    check (not scope2_location_from_market or not scope_combined);

-- One row per pull of one provider account set and month: what the provider answered, which
-- imports it produced, and the accounts it could not read. The latest row per provider, name
-- and month is that month's state; earlier rows stay as its history.
create sequence sync_run_seq start 1 increment 50;
create table sync_run (
    id               bigint       primary key,
    provider         varchar(16)  not null,
    connection_name  varchar(128) not null,
    month            char(7)      not null,
    trigger          varchar(64)  not null,
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    status           varchar(32)  not null,
    available_about  date,
    model_version    varchar(128),
    import_ids       varchar(1024) not null default '',
    files_imported   integer      not null default 0,
    files_unchanged  integer      not null default 0,
    failures         text         not null default '',
    error            text
);
create index sync_run_by_connection on sync_run (provider, connection_name, month, id);
