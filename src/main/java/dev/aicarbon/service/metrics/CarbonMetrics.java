package dev.aicarbon.service.metrics;

import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.db.NativeSql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus metrics (served at {@code /q/metrics}).
 *
 * <p>Gauges are refreshed from the database on a schedule, so that every replica reports the
 * same figures whichever one ran the close. Their label sets are bounded: the first projects
 * by name up to the configured number, the rest summed under {@code project="other"}; stage
 * takes the lifecycle stages or {@code none}; scope takes six values. Buckets appear as
 * projects of their own name ({@code unallocated}, {@code unmatched}).
 */
@ApplicationScoped
public class CarbonMetrics {

    static final String OTHER_PROJECTS = "other";

    private static final List<String> SCOPES = List.of("scope1", "scope2-location", "scope2-market",
            "scope3", "scope-combined-location", "scope-combined-market");

    @Inject
    MeterRegistry registry;

    @Inject
    CarbonConfig config;

    private MultiGauge allocated;
    private MultiGauge syncAge;

    @PostConstruct
    void register() {
        allocated = MultiGauge.builder("carbon.allocated.kgco2e")
                .description("kgCO2e allocated in the latest published month, provider-reported basis")
                .register(registry);
        syncAge = MultiGauge.builder("carbon.provider.sync.age")
                .description("Time since the last successful pull per provider connection")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Records one allocation run. */
    public void recordAllocation(Duration took, String outcome) {
        Timer.builder("carbon.allocation.run")
                .description("Allocation runs and their durations")
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
    }

    /** Records one month close with its outcome (done, nothing-to-do, failed, ...). */
    public void recordClose(Duration took, String outcome) {
        Timer.builder("carbon.close.run")
                .description("Month closes and their durations")
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
    }

    /** Counts one import's rows. */
    public void recordImport(String kind, int accepted, int quarantined) {
        Counter.builder("carbon.import.rows")
                .description("Rows read by imports, by outcome")
                .tags("kind", kind, "outcome", "accepted")
                .register(registry)
                .increment(accepted);
        Counter.builder("carbon.import.rows")
                .description("Rows read by imports, by outcome")
                .tags("kind", kind, "outcome", "quarantined")
                .register(registry)
                .increment(quarantined);
    }

    /** Reloads the gauges; also called right after a run publishes. */
    @Scheduled(every = "${carbon.metrics.refresh-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void refresh() {
        allocated.register(allocatedRows(), true);
        syncAge.register(syncAgeRows(), true);
    }

    private List<MultiGauge.Row<?>> allocatedRows() {
        List<Object[]> rows = NativeSql.rows("select coalesce(r.project, r.bucket), coalesce(r.stage, 'none'),"
                + " sum(r.scope1_kgco2e), sum(r.scope2_location_kgco2e), sum(r.scope2_market_kgco2e),"
                + " sum(r.scope3_kgco2e), sum(r.combined_location_kgco2e), sum(r.combined_market_kgco2e)"
                + " from allocation_row r join allocation_run run on run.id = r.run_id"
                + " where run.status in ('current', 'stale') and run.month = (select max(month)"
                + " from allocation_run where status in ('current', 'stale'))"
                + " group by 1, 2 order by 1, 2");
        Map<String, BigDecimal[]> byLabels = new LinkedHashMap<>();
        List<String> kept = keptProjects(rows);
        for (Object[] row : rows) {
            String project = kept.contains((String) row[0]) ? (String) row[0] : OTHER_PROJECTS;
            BigDecimal[] sums = byLabels.computeIfAbsent(project + "\u0000" + row[1],
                    key -> zeros());
            for (int i = 0; i < SCOPES.size(); i++) {
                sums[i] = sums[i].add((BigDecimal) row[2 + i]);
            }
        }
        List<MultiGauge.Row<?>> gaugeRows = new ArrayList<>();
        byLabels.forEach((key, sums) -> {
            String[] labels = key.split("\u0000");
            for (int i = 0; i < SCOPES.size(); i++) {
                gaugeRows.add(MultiGauge.Row.of(Tags.of("project", labels[0], "stage", labels[1],
                        "scope", SCOPES.get(i)), sums[i].doubleValue()));
            }
        });
        return gaugeRows;
    }

    /** The projects with their own label: the first ones by name, up to the configured number. */
    private List<String> keptProjects(List<Object[]> rows) {
        return rows.stream()
                .map(row -> (String) row[0])
                .distinct()
                .limit(config.metrics().maxProjects())
                .toList();
    }

    private List<MultiGauge.Row<?>> syncAgeRows() {
        Instant now = Instant.now();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Object[] row : NativeSql.rows("select provider, connection_name, max(finished_at)"
                + " from sync_run where status in ('PULLED', 'EMPTY') group by 1, 2")) {
            Instant last = row[2] instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                    : row[2] instanceof java.time.OffsetDateTime offset ? offset.toInstant()
                    : (Instant) row[2];
            rows.add(MultiGauge.Row.of(Tags.of("provider", (String) row[0], "connection", (String) row[1]),
                    Duration.between(last, now).toSeconds()));
        }
        return rows;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] sums = new BigDecimal[SCOPES.size()];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        return sums;
    }
}
