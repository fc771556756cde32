-- Job estimates (a priori, a posteriori, measured), functional units and their counts for
-- SCI, carbon budgets, and offsets kept apart from every footprint. kgCO2e, kWh, litres.

alter table import_batch drop constraint import_batch_kind_check;
alter table import_batch add constraint import_batch_kind_check check (kind in (
    'focus', 'emissions', 'component-factors', 'hardware-models', 'datacenters', 'assets',
    'datacenter-months', 'usage', 'codecarbon', 'azure-monitor-gpu-energy'));

-- One estimate of one job. month is the month the job ran (UTC). inputs is the request as
-- given; factors every number used with its unit and source. import_id is set for estimates
-- made from an imported measurement file.
create sequence estimate_seq;
create table estimate (
    id                     bigint primary key,
    project                varchar(128) not null,
    workload               varchar(128),
    stage                  varchar(16)  check (stage in ('training', 'inference', 'data', 'development')),
    method                 varchar(16)  not null check (method in ('a-priori', 'a-posteriori', 'measured')),
    month                  varchar(7)   not null,
    provider               varchar(16),
    region                 varchar(128),
    hours                  numeric,
    energy_kwh             numeric      not null,
    scope2_location_kgco2e numeric      not null,
    scope2_market_kgco2e   numeric      not null,
    scope3_kgco2e          numeric      not null,
    water_litres           numeric,
    adp_kgsbeq             numeric,
    primary_energy_mj      numeric,
    inputs                 jsonb        not null,
    factors                jsonb        not null,
    flags                  varchar(512) not null,
    import_id              bigint references import_batch (id) on delete cascade,
    created_at             timestamptz  not null
);
create index estimate_project on estimate (project, month);

-- A project's functional unit for SCI (a request, a thousand inferences, a training run)
-- and how many it served each month.
create table functional_unit (
    project     varchar(128) primary key,
    unit        varchar(128) not null,
    description text,
    created_at  timestamptz  not null
);

create table functional_unit_count (
    project varchar(128) not null references functional_unit (project) on delete cascade,
    month   varchar(7)   not null,
    units   numeric      not null check (units >= 0),
    primary key (project, month)
);

-- A carbon budget of a project (optionally one stage) over months [from_month, to_month]:
-- a total in kgCO2e, or a ceiling in kgCO2e per thousand functional units. last_status is
-- what the webhook was last told.
create sequence budget_seq;
create table budget (
    id                    bigint primary key,
    project               varchar(128) not null,
    stage                 varchar(16)  check (stage in ('training', 'inference', 'data', 'development')),
    kind                  varchar(24)  not null check (kind in ('total', 'per-thousand-units')),
    limit_kgco2e          numeric      not null check (limit_kgco2e > 0),
    from_month            varchar(7)   not null,
    to_month              varchar(7)   not null,
    warning_share         numeric      not null check (warning_share > 0 and warning_share <= 1),
    webhook_url           varchar(2048),
    last_status           varchar(16),
    created_at            timestamptz  not null
);
create index budget_project on budget (project);

-- Offsets and renewable energy certificates: recorded beside a footprint, never netted.
create sequence offset_record_seq;
create table offset_record (
    id                bigint primary key,
    project           varchar(128) not null,
    kind              varchar(16)  not null check (kind in ('offset', 'certificate')),
    from_month        varchar(7)   not null,
    to_month          varchar(7)   not null,
    quantity_kgco2e   numeric      check (quantity_kgco2e > 0),
    quantity_mwh      numeric      check (quantity_mwh > 0),
    registry          varchar(256),
    reference         varchar(256),
    created_at        timestamptz  not null,
    check ((kind = 'offset' and quantity_kgco2e is not null)
        or (kind = 'certificate' and quantity_mwh is not null))
);
create index offset_record_project on offset_record (project);
