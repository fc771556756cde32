-- Foundation schema: imports, FOCUS usage lines, provider emissions cells, the ML project
-- registry, and allocation runs with their results. Amounts of CO2e are kilograms;
-- numeric without precision keeps them exact. Months are 'YYYY-MM' strings, in UTC.
-- Sequences of bulk tables step by 50 so Hibernate can batch inserts; the others by 1, so
-- that import and run ids read as a count.

create sequence import_batch_seq;
create table import_batch (
    id               bigint primary key,
    kind             varchar(16)  not null check (kind in ('focus', 'emissions')),
    source           varchar(512) not null,
    content_sha256   varchar(64)     not null,
    received_at      timestamptz  not null,
    rows_read        integer      not null,
    rows_accepted    integer      not null,
    rows_quarantined integer      not null,
    constraint import_batch_content_unique unique (kind, content_sha256)
);

create sequence quarantined_row_seq increment by 50;
create table quarantined_row (
    id          bigint primary key,
    import_id   bigint  not null references import_batch (id) on delete cascade,
    row_number  integer not null,
    column_name varchar(128),
    reason      text    not null,
    raw_values  jsonb   not null
);
create index quarantined_row_import on quarantined_row (import_id, row_number);

-- One FOCUS row. account_id is SubAccountId (else BillingAccountId) in canonical form, the
-- key emissions cells are matched on. superseded_by is set when a newer import restates the
-- same provider, account and month; superseded lines are kept but no longer allocated.
create sequence usage_line_seq increment by 50;
create table usage_line (
    id                  bigint primary key,
    import_id           bigint        not null references import_batch (id) on delete cascade,
    row_number          integer       not null,
    provider            varchar(64)   not null,
    provider_name       varchar(128)  not null,
    billing_account_id  varchar(256)  not null,
    sub_account_id      varchar(256),
    account_id          varchar(256)  not null,
    charge_period_start timestamptz   not null,
    charge_period_end   timestamptz   not null,
    billing_month       varchar(7)      not null,
    charge_category     varchar(16)   not null,
    region_id           varchar(128),
    service_name        varchar(256),
    service_category    varchar(128),
    resource_id         text,
    sku_id              varchar(256),
    consumed_quantity   numeric,
    consumed_unit       varchar(64),
    list_cost           numeric,
    effective_cost      numeric,
    billed_cost         numeric,
    billing_currency    varchar(16),
    tags                jsonb         not null default '{}'::jsonb,
    superseded_by       bigint references import_batch (id)
);
create index usage_line_current on usage_line (billing_month, provider, account_id)
    where superseded_by is null;
create index usage_line_import on usage_line (import_id);

-- One provider emissions cell; account_id in canonical form. A null region or service covers all of them for the
-- account and month. Either the four scope amounts or the two combined totals are set.
create sequence emissions_cell_seq increment by 50;
create table emissions_cell (
    id                     bigint primary key,
    import_id              bigint       not null references import_batch (id) on delete cascade,
    row_number             integer      not null,
    provider               varchar(16)  not null check (provider in ('aws', 'azure', 'gcp')),
    account_id             varchar(256) not null,
    month                  varchar(7)     not null,
    region                 varchar(128),
    service                varchar(256),
    scope_combined         boolean      not null,
    scope1_kgco2e          numeric,
    scope2_location_kgco2e numeric,
    scope2_market_kgco2e   numeric,
    scope3_kgco2e          numeric,
    total_location_kgco2e  numeric,
    total_market_kgco2e    numeric,
    superseded_by          bigint references import_batch (id),
    check ((scope_combined and total_location_kgco2e is not null and total_market_kgco2e is not null
            and scope1_kgco2e is null and scope2_location_kgco2e is null
            and scope2_market_kgco2e is null and scope3_kgco2e is null)
        or (not scope_combined and total_location_kgco2e is null and total_market_kgco2e is null
            and scope1_kgco2e is not null and scope2_location_kgco2e is not null
            and scope2_market_kgco2e is not null and scope3_kgco2e is not null))
);
create index emissions_cell_current on emissions_cell (month, provider, account_id)
    where superseded_by is null;
create index emissions_cell_import on emissions_cell (import_id);

create sequence project_seq;
create table project (
    id           bigint primary key,
    name         varchar(128) not null unique,
    display_name varchar(256),
    owner        varchar(256),
    description  text,
    discovered   boolean      not null,
    created_at   timestamptz  not null
);

create sequence workload_seq;
create table workload (
    id         bigint primary key,
    project_id bigint       not null references project (id) on delete cascade,
    name       varchar(128) not null,
    created_at timestamptz  not null,
    unique (project_id, name)
);

-- status: current (the month's published result), stale (current, but an input was
-- restated since), superseded (replaced by a later run of the same month).
create sequence allocation_run_seq;
create table allocation_run (
    id              bigint primary key,
    month           varchar(7)    not null,
    status          varchar(16) not null check (status in ('current', 'stale', 'superseded')),
    usage_metric    varchar(32) not null,
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    superseded_at   timestamptz,
    superseded_by   bigint references allocation_run (id),
    cells_read      integer     not null,
    lines_read      integer     not null,
    cells_matched   integer     not null,
    cells_unmatched integer     not null,
    lines_used      integer     not null
);
-- At most one published run per month.
create unique index allocation_run_published on allocation_run (month)
    where status in ('current', 'stale');

-- Totals of a run per component: the input, what projects received, and each bucket.
create table allocation_run_total (
    run_id                    bigint      not null references allocation_run (id) on delete cascade,
    part                      varchar(32) not null,
    scope1_kgco2e             numeric     not null,
    scope2_location_kgco2e    numeric     not null,
    scope2_market_kgco2e      numeric     not null,
    scope3_kgco2e             numeric     not null,
    combined_location_kgco2e  numeric     not null,
    combined_market_kgco2e    numeric     not null,
    primary key (run_id, part)
);

-- One result row: a project or a bucket, with the dimensions of the usage (or, for the
-- unmatched bucket, of the cell). flags is a sorted, comma-separated list.
create sequence allocation_row_seq increment by 50;
create table allocation_row (
    id                       bigint primary key,
    run_id                   bigint       not null references allocation_run (id) on delete cascade,
    month                    varchar(7)     not null,
    project                  varchar(128),
    bucket                   varchar(32),
    workload                 varchar(128),
    stage                    varchar(16),
    provider                 varchar(64)  not null,
    account_id               varchar(256) not null,
    region                   varchar(128),
    service                  varchar(256),
    flags                    varchar(512) not null,
    scope1_kgco2e            numeric      not null,
    scope2_location_kgco2e   numeric      not null,
    scope2_market_kgco2e     numeric      not null,
    scope3_kgco2e            numeric      not null,
    combined_location_kgco2e numeric      not null,
    combined_market_kgco2e   numeric      not null,
    check ((project is null) <> (bucket is null))
);
create index allocation_row_run on allocation_row (run_id);
create index allocation_row_project on allocation_row (project, month);
