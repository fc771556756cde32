package dev.aicarbon.service.methodology;

import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.methodology.ModelledEmissions;
import dev.aicarbon.service.api.Decimals;
import dev.aicarbon.service.api.GroupBy;
import dev.aicarbon.service.api.KgCo2eView;
import dev.aicarbon.service.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the results of published methodology runs (status current or stale). */
@ApplicationScoped
public class MethodologyQuery {

    private static final String PUBLISHED = " join methodology_run run on run.id = %s.run_id"
            + " and run.status in ('current', 'stale')";

    /** A key a consumer's emissions can be grouped by, and the column it reads. */
    private enum ConsumerKey {
        MONTH("month", "c.month"),
        REGION("region", "c.region"),
        SERVICE_MODEL("serviceModel", "c.service_model"),
        SCOPE("scope", "u.scope"),
        STAGE("stage", "u.stage");

        private final String label;
        private final String column;

        ConsumerKey(String label, String column) {
            this.label = label;
            this.column = column;
        }

        String label() {
            return label;
        }

        /** The column it reads, fixed here: request input never reaches the SQL. */
        String column() {
            return column;
        }
    }

    @Transactional
    public Optional<RegionView> region(String region, YearMonth month) {
        List<Object[]> rows = NativeSql.rows("select m.run_id, m.provider, m.total_usage,"
                + " m.scope1_kgco2e_per_unit, m.scope2_location_kgco2e_per_unit,"
                + " m.scope2_market_kgco2e_per_unit, m.scope3_kgco2e_per_unit, run.status, m.usage_source, "
                + Columns.NAMES.replace("scope", "m.scope") + ", "
                + Columns.NAMES.replace("scope", "m.unused_scope")
                + " from methodology_region_result m" + PUBLISHED.formatted("m")
                + " where m.region = ?1 and m.month = ?2", region, month.toString());
        return rows.stream().findFirst().map(row -> {
            long runId = ((Number) row[0]).longValue();
            RegionView.Factors factors = row[3] == null ? null : new RegionView.Factors(
                    plain(row[3]), plain(row[4]), plain(row[5]), plain(row[6]));
            List<String> datacenters = NativeSql.rows("select datacenter, region"
                            + " from methodology_datacenter_result where run_id = ?1 and region = ?2"
                            + " order by datacenter", runId, region).stream()
                    .map(dc -> (String) dc[0])
                    .toList();
            return new RegionView(region, month.toString(), runId, (String) row[1],
                    ModelledView.of(Columns.read(row, 9)), plain(row[2]), factors,
                    ModelledView.of(Columns.read(row, 15)), datacenters,
                    regionFlags(row[7], row[8], factors));
        });
    }

    @Transactional
    public Optional<DatacenterView> datacenter(String datacenter, YearMonth month) {
        List<Object[]> rows = NativeSql.rows("select d.run_id, d.region,"
                + " d.assets_amortising, d.it_energy_kwh, d.energy_reported, run.status, "
                + Columns.NAMES.replace("scope", "d.scope")
                + " from methodology_datacenter_result d" + PUBLISHED.formatted("d")
                + " where d.datacenter = ?1 and d.month = ?2", datacenter, month.toString());
        return rows.stream().findFirst().map(row -> {
            boolean energyReported = (Boolean) row[4];
            List<String> flags = new ArrayList<>(statusFlags(row[5]));
            if (!energyReported) {
                flags.add(0, "no-energy-data");
            }
            return new DatacenterView(datacenter, (String) row[1], month.toString(),
                    ((Number) row[0]).longValue(), ((Number) row[2]).intValue(), plain(row[3]),
                    energyReported, ModelledView.of(Columns.read(row, 6)), flags);
        });
    }

    @Transactional
    public boolean consumerExists(String consumer) {
        return !NativeSql.rows("select 1 from methodology_consumer_result c"
                + PUBLISHED.formatted("c") + " where c.consumer = ?1 limit 1", consumer).isEmpty();
    }

    /**
     * A consumer's modelled emissions grouped by any of month, region, serviceModel, scope
     * and stage (the hardware life-cycle stage of scope 3).
     */
    @Transactional
    public List<ConsumerRowView> consumer(String consumer, YearMonth from, YearMonth to,
            List<String> groupBy) {
        List<ConsumerKey> keys = GroupBy.parse(groupBy, List.of(ConsumerKey.values()), ConsumerKey::label);
        String keyColumns = keys.stream().map(ConsumerKey::column).collect(Collectors.joining(", "));
        String sql = "select " + (keys.isEmpty() ? "" : keyColumns + ", ")
                + "sum(case when u.scope = 'scope1' then u.kg else 0 end),"
                + " sum(case when u.scope = 'scope2-location' then u.kg else 0 end),"
                + " sum(case when u.scope = 'scope2-market' then u.kg else 0 end),"
                + " sum(case when u.stage = 'manufacturing' then u.kg else 0 end),"
                + " sum(case when u.stage = 'transport' then u.kg else 0 end),"
                + " sum(case when u.stage = 'end_of_life' then u.kg else 0 end),"
                + " bool_or(run.status = 'stale')"
                + " from methodology_consumer_result c" + PUBLISHED.formatted("c")
                + " cross join lateral (values ('scope1', null, c.scope1_kgco2e),"
                + " ('scope2-location', null, c.scope2_location_kgco2e),"
                + " ('scope2-market', null, c.scope2_market_kgco2e),"
                + " ('scope3', 'manufacturing', c.scope3_manufacturing_kgco2e),"
                + " ('scope3', 'transport', c.scope3_transport_kgco2e),"
                + " ('scope3', 'end_of_life', c.scope3_end_of_life_kgco2e)) as u(scope, stage, kg)"
                + " where c.consumer = ?1 and c.month between ?2 and ?3"
                + (keys.isEmpty() ? "" : " group by " + keyColumns + " order by " + keyColumns);
        List<ConsumerRowView> rows = new ArrayList<>();
        for (Object[] row : NativeSql.rows(sql, consumer, from.toString(), to.toString())) {
            if (row[keys.size()] == null) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                values.put(keys.get(i).label(), row[i] == null ? null : row[i].toString());
            }
            List<String> flags = Boolean.TRUE.equals(row[keys.size() + 6]) ? List.of("stale") : List.of();
            rows.add(new ConsumerRowView(values, ModelledView.of(Columns.read(row, keys.size())), flags));
        }
        return rows;
    }

    /** Provider-reported and modelled emissions where both exist for a provider, region, month. */
    @Transactional
    public List<ReconciliationRow> reconciliation(YearMonth month) {
        String sql = "with reported as (select r.provider, r.region, sum(r.scope1_kgco2e) s1,"
                + " sum(r.scope2_location_kgco2e) s2l, sum(r.scope2_market_kgco2e) s2m,"
                + " sum(r.scope3_kgco2e) s3, sum(r.combined_location_kgco2e) cl,"
                + " sum(r.combined_market_kgco2e) cm from allocation_row r"
                + " join allocation_run run on run.id = r.run_id and run.status in ('current', 'stale')"
                + " where r.month = ?1 and r.region is not null group by r.provider, r.region)"
                + " select m.provider, m.region, rep.s1, rep.s2l, rep.s2m, rep.s3, rep.cl, rep.cm, "
                + Columns.NAMES.replace("scope", "m.scope")
                + " from methodology_region_result m" + PUBLISHED.formatted("m")
                + " join reported rep on rep.provider = m.provider and rep.region = m.region"
                + " where m.month = ?1 order by m.provider, m.region";
        List<ReconciliationRow> rows = new ArrayList<>();
        for (Object[] row : NativeSql.rows(sql, month.toString())) {
            Emissions reported = new Emissions(Columns.decimal(row[2]), Columns.decimal(row[3]),
                    Columns.decimal(row[4]), Columns.decimal(row[5]), Columns.decimal(row[6]),
                    Columns.decimal(row[7]));
            ModelledEmissions modelled = Columns.read(row, 8);
            rows.add(new ReconciliationRow((String) row[0], (String) row[1], month.toString(),
                    KgCo2eView.of(reported), ModelledView.of(modelled),
                    Decimals.plain(modelled.totalLocationKgCo2e().subtract(reported.totalLocationKgCo2e())),
                    Decimals.plain(modelled.totalMarketKgCo2e().subtract(reported.totalMarketKgCo2e()))));
        }
        return rows;
    }

    /**
     * no-usage: the region had no consumer, so all its emissions stay in unused-capacity;
     * usage-from-focus: its usage was derived from FOCUS lines, none having been imported.
     */
    private static List<String> regionFlags(Object status, Object usageSource,
            RegionView.Factors factors) {
        List<String> flags = new ArrayList<>();
        if (factors == null) {
            flags.add("no-usage");
        }
        if ("focus".equals(usageSource)) {
            flags.add("usage-from-focus");
        }
        flags.addAll(statusFlags(status));
        return flags;
    }

    private static List<String> statusFlags(Object status) {
        return "stale".equals(status) ? List.of("stale") : List.of();
    }

    private static BigDecimal plain(Object value) {
        return Decimals.plain((BigDecimal) value);
    }
}
