-- The seven-step methodology: reference data (component factors, hardware models,
-- datacenters, assets), monthly datacenter energy and direct emissions, consumer usage per
-- region, and methodology runs with their datacenter, region and consumer results.
-- Amounts are kilograms of CO2e; energy is kWh; months are 'YYYY-MM' (UTC).

alter table import_batch alter column kind type varchar(32);
alter table import_batch drop constraint import_batch_kind_check;
alter table import_batch add constraint import_batch_kind_check check (kind in (
    'focus', 'emissions', 'component-factors', 'hardware-models', 'datacenters', 'assets',
    'datacenter-months', 'usage'));

-- Reference data is keyed by its natural key; a later import replaces the row (a hardware
-- model's whole bill of materials, a region's whole month of usage). import_id says which
-- file a row came from.
create table component_factor (
    component            varchar(256) primary key,
    unit                 varchar(16)  not null,
    manufacturing_kgco2e numeric      not null,
    transport_kgco2e     numeric      not null,
    end_of_life_kgco2e   numeric      not null,
    import_id            bigint       not null references import_batch (id)
);

create table hardware_model_component (
    model     varchar(256) not null,
    component varchar(256) not null references component_factor (component),
    quantity  numeric      not null check (quantity > 0),
    import_id bigint       not null references import_batch (id),
    primary key (model, component)
);

-- provider: aws, azure or gcp when the datacenter is a public cloud's (estimated), null for
-- a private or colocation operator.
create table datacenter (
    datacenter varchar(256) primary key,
    region     varchar(128) not null,
    provider   varchar(16) check (provider in ('aws', 'azure', 'gcp')),
    import_id  bigint       not null references import_batch (id)
);

create table asset (
    asset_id        varchar(256) primary key,
    model           varchar(256) not null,
    datacenter      varchar(256) not null references datacenter (datacenter),
    in_service_date date         not null,
    retired_date    date,
    import_id       bigint       not null references import_batch (id),
    check (retired_date is null or retired_date >= in_service_date)
);

create table datacenter_month (
    datacenter              varchar(256) not null references datacenter (datacenter),
    month                   varchar(7)   not null,
    it_energy_kwh           numeric      not null,
    pue                     numeric      not null check (pue >= 1),
    location_kgco2e_per_kwh numeric      not null,
    market_kgco2e_per_kwh   numeric      not null,
    scope1_kgco2e           numeric      not null,
    import_id               bigint       not null references import_batch (id),
    primary key (datacenter, month)
);

create table consumer_usage (
    region           varchar(128) not null,
    month            varchar(7)   not null,
    consumer         varchar(256) not null,
    service_model    varchar(8)   not null check (service_model in ('IaaS', 'PaaS', 'SaaS')),
    normalised_usage numeric      not null check (normalised_usage >= 0),
    import_id        bigint       not null references import_batch (id),
    primary key (region, month, consumer, service_model)
);

-- status as for allocation runs: current, stale (an input changed since), superseded.
create sequence methodology_run_seq;
create table methodology_run (
    id               bigint primary key,
    month            varchar(7)  not null,
    status           varchar(16) not null check (status in ('current', 'stale', 'superseded')),
    lifetime_months  integer     not null,
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    superseded_at    timestamptz,
    superseded_by    bigint references methodology_run (id),
    assets           integer     not null,
    datacenters      integer     not null,
    regions          integer     not null,
    consumers        integer     not null
);
create unique index methodology_run_published on methodology_run (month)
    where status in ('current', 'stale');

-- Emissions columns shared by the three result tables: scope 3 is kept per life-cycle stage.
create table methodology_datacenter_result (
    run_id                      bigint       not null references methodology_run (id) on delete cascade,
    month                       varchar(7)   not null,
    datacenter                  varchar(256) not null,
    region                      varchar(128) not null,
    provider                    varchar(16),
    assets_amortising           integer      not null,
    it_energy_kwh               numeric      not null,
    energy_reported             boolean      not null,
    scope1_kgco2e               numeric      not null,
    scope2_location_kgco2e      numeric      not null,
    scope2_market_kgco2e        numeric      not null,
    scope3_manufacturing_kgco2e numeric      not null,
    scope3_transport_kgco2e     numeric      not null,
    scope3_end_of_life_kgco2e   numeric      not null,
    primary key (run_id, datacenter)
);

-- factors are kgCO2e per unit of weighted normalised usage, null when total_usage is zero;
-- unused_* is what stays in the unused-capacity bucket. usage_source says whether the
-- region's usage was imported or derived from FOCUS usage lines of that region.
create table methodology_region_result (
    run_id                             bigint       not null references methodology_run (id) on delete cascade,
    month                              varchar(7)   not null,
    region                             varchar(128) not null,
    provider                           varchar(16),
    usage_source                       varchar(16)  not null check (usage_source in ('imported', 'focus')),
    total_usage                        numeric      not null,
    scope1_kgco2e                      numeric      not null,
    scope2_location_kgco2e             numeric      not null,
    scope2_market_kgco2e               numeric      not null,
    scope3_manufacturing_kgco2e        numeric      not null,
    scope3_transport_kgco2e            numeric      not null,
    scope3_end_of_life_kgco2e          numeric      not null,
    scope1_kgco2e_per_unit             numeric,
    scope2_location_kgco2e_per_unit    numeric,
    scope2_market_kgco2e_per_unit      numeric,
    scope3_kgco2e_per_unit             numeric,
    unused_scope1_kgco2e               numeric      not null,
    unused_scope2_location_kgco2e      numeric      not null,
    unused_scope2_market_kgco2e        numeric      not null,
    unused_scope3_manufacturing_kgco2e numeric      not null,
    unused_scope3_transport_kgco2e     numeric      not null,
    unused_scope3_end_of_life_kgco2e   numeric      not null,
    primary key (run_id, region)
);

-- One row per consumer, region and service model. project and workload are read from the
-- consumer name ('project' or 'project/workload'); a consumer that is no registered project
-- still shows as itself.
create table methodology_consumer_result (
    run_id                      bigint       not null references methodology_run (id) on delete cascade,
    month                       varchar(7)   not null,
    consumer                    varchar(256) not null,
    project                     varchar(256) not null,
    workload                    varchar(256),
    region                      varchar(128) not null,
    provider                    varchar(16),
    service_model               varchar(8)   not null,
    normalised_usage            numeric      not null,
    weighted_usage              numeric      not null,
    scope1_kgco2e               numeric      not null,
    scope2_location_kgco2e      numeric      not null,
    scope2_market_kgco2e        numeric      not null,
    scope3_manufacturing_kgco2e numeric      not null,
    scope3_transport_kgco2e     numeric      not null,
    scope3_end_of_life_kgco2e   numeric      not null,
    primary key (run_id, consumer, region, service_model)
);
create index methodology_consumer_project on methodology_consumer_result (project, month);
