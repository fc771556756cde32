-- A year of published allocation results for 1,000 projects, for the load test of the
-- per-project query (docs/performance.md). Twelve months, one current run each; per project
-- and month, 3 providers x 2 regions x 2 stages = 12 rows: 144,000 rows in all. Amounts are
-- arbitrary but exact (three decimals); the test measures latency, not figures.
begin;

insert into project (id, name, discovered, created_at)
select p, 'p' || lpad(p::text, 4, '0'), true, now()
from generate_series(1, 1000) p;

insert into allocation_run (id, month, status, usage_metric, started_at, finished_at, cells_read,
        lines_read, cells_matched, cells_unmatched, lines_used)
select m, to_char(date '2025-12-01' + (m - 1) * interval '1 month', 'YYYY-MM'), 'current',
       'LIST_COST', now(), now(), 0, 0, 0, 0, 0
from generate_series(1, 12) m;

insert into allocation_row (id, run_id, month, project, workload, stage, provider, account_id,
        region, service, flags, scope1_kgco2e, scope2_location_kgco2e, scope2_market_kgco2e,
        scope3_kgco2e, combined_location_kgco2e, combined_market_kgco2e)
select row_number() over (),
       run.id, run.month, 'p' || lpad(p::text, 4, '0'), 'w' || (p % 7), stage, provider,
       provider || '-acct-' || (p % 5), region, 'Compute', '',
       0, ((p * 7 + run.id) % 97) + 0.125, ((p * 3 + run.id) % 53) + 0.25, 1.5, 0, 0
from allocation_run run
cross join generate_series(1, 1000) p
cross join (values ('aws'), ('azure'), ('gcp')) providers(provider)
cross join (values ('region-a'), ('region-b')) regions(region)
cross join (values ('training'), ('inference')) stages(stage);

select setval('allocation_row_seq', (select max(id) from allocation_row) + 100);
commit;
analyze;
