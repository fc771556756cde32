package dev.aicarbon.service.methodology;

import dev.aicarbon.service.db.NativeSql;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads methodology runs with their totals. */
final class MethodologyRuns {

    private static final String SUMS = "select " + sums("") + ", " + sums("unused_")
            + " from methodology_region_result where run_id = ?1";
    private static final String CONSUMER_SUMS = "select " + sums("")
            + " from methodology_consumer_result where run_id = ?1";

    private MethodologyRuns() {
    }

    /** Runs matching {@code clause} (a where and/or order by), with their totals. */
    static List<MethodologyRunView> list(String clause, Object... parameters) {
        return NativeSql.rows("select id, month, status, lifetime_months, started_at,"
                        + " finished_at, superseded_by, assets, datacenters, regions, consumers"
                        + " from methodology_run " + clause, parameters).stream()
                .map(MethodologyRuns::view)
                .toList();
    }

    private static MethodologyRunView view(Object[] run) {
        long runId = ((Number) run[0]).longValue();
        Object[] regions = NativeSql.rows(SUMS, runId).get(0);
        Object[] consumers = NativeSql.rows(CONSUMER_SUMS, runId).get(0);
        MethodologyRunView.Totals totals = new MethodologyRunView.Totals(
                ModelledView.of(Columns.read(regions, 0)),
                ModelledView.of(Columns.read(consumers, 0)),
                ModelledView.of(Columns.read(regions, 6)));
        return new MethodologyRunView(runId, (String) run[1], (String) run[2],
                ((Number) run[3]).intValue(), instant(run[4]), instant(run[5]),
                run[6] == null ? null : ((Number) run[6]).longValue(), ((Number) run[7]).intValue(),
                ((Number) run[8]).intValue(), ((Number) run[9]).intValue(),
                ((Number) run[10]).intValue(), totals);
    }

    private static String sums(String prefix) {
        return String.join(", ",
                "sum(" + prefix + "scope1_kgco2e)", "sum(" + prefix + "scope2_location_kgco2e)",
                "sum(" + prefix + "scope2_market_kgco2e)", "sum(" + prefix + "scope3_manufacturing_kgco2e)",
                "sum(" + prefix + "scope3_transport_kgco2e)", "sum(" + prefix + "scope3_end_of_life_kgco2e)");
    }

    private static Instant instant(Object value) {
        return value instanceof Instant instant ? instant : ((Timestamp) value).toInstant();
    }
}
