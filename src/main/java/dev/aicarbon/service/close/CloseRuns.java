package dev.aicarbon.service.close;

import static dev.aicarbon.service.api.Decimals.plain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.service.api.KgCo2eView;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.metrics.CarbonMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Records month closes and answers for them, each write committed on its own. */
@ApplicationScoped
public class CloseRuns {

    private static final String COLUMNS = "id, month, triggered_by, status, exit_code, methodology_version,"
            + " allocation_run_id, methodology_run_id, cast(inputs as text), cast(stages as text),"
            + " cast(totals as text), message, started_at, finished_at";

    /** A killed close's record still says running; the next close of its month corrects it. */
    private static final String KILLED = "the process ended before the close finished";

    @Inject
    ObjectMapper json;

    @Inject
    CarbonMetrics metrics;

    /** A project's allocated totals in two closes and their difference, kgCO2e location-based. */
    @Schema(description = "difference = this close's total - the other's, kgCO2e")
    public record ProjectDiff(String project, BigDecimal totalLocationKgCo2e, BigDecimal otherTotalLocationKgCo2e,
            BigDecimal differenceLocationKgCo2e, BigDecimal totalMarketKgCo2e, BigDecimal otherTotalMarketKgCo2e,
            BigDecimal differenceMarketKgCo2e) {
    }

    long start(YearMonth month, String triggeredBy, String methodologyVersion) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long id = NativeSql.nextval("close_run_seq");
            NativeSql.update("insert into close_run (id, month, triggered_by,"
                    + " status, methodology_version, started_at) values (?1, ?2, ?3, 'running', ?4, ?5)",
                    id, month.toString(), triggeredBy, methodologyVersion, Timestamp.from(Instant.now()));
            return id;
        });
    }

    /** Closes of the month still marked running while its lock is free were killed. */
    void markInterrupted(YearMonth month) {
        QuarkusTransaction.requiringNew().run(() -> NativeSql.update(
                "update close_run set status = 'interrupted', finished_at = now(),"
                        + " message = ?2 where month = ?1 and status = 'running'", month.toString(), KILLED));
    }

    CloseReport refused(YearMonth month, String triggeredBy, String methodologyVersion) {
        long id = start(month, triggeredBy, methodologyVersion);
        return finish(id, CloseOutcome.ALREADY_RUNNING, List.of(), List.of(), null, null, null,
                "another close of " + month + " is running");
    }

    CloseReport finish(long id, CloseOutcome outcome, List<CloseReport.InputFile> inputs,
            List<CloseReport.Stage> stages, Long allocationRunId, Long methodologyRunId,
            Map<String, KgCo2eView> totals, String message) {
        QuarkusTransaction.requiringNew().run(() -> NativeSql.update(
                "update close_run set status = ?1, exit_code = ?2, inputs = cast(?3 as jsonb),"
                        + " stages = cast(?4 as jsonb), totals = cast(?5 as jsonb), allocation_run_id = ?6,"
                        + " methodology_run_id = ?7, message = ?8, finished_at = ?9 where id = ?10",
                outcome.label(), outcome.exitCode(), write(inputs), write(stages),
                totals == null ? null : write(totals), allocationRunId, methodologyRunId, message,
                Timestamp.from(Instant.now()), id));
        CloseReport report = find(id).orElseThrow();
        metrics.recordClose(Duration.between(report.startedAt(), report.finishedAt()),
                outcome.label());
        return report;
    }

    @Transactional
    public List<CloseReport> list(YearMonth month) {
        return month == null ? query("order by id desc") : query("where month = ?1 order by id desc", month.toString());
    }

    @Transactional
    public Optional<CloseReport> find(long id) {
        return query("where id = ?1", id).stream().findFirst();
    }

    /**
     * Per project, the allocated totals of close {@code id} against close {@code other}, as
     * after a provider restatement: each close keeps the allocation run it published.
     */
    @Transactional
    public List<ProjectDiff> diff(CloseReport close, CloseReport other) {
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        collect(totals, close.allocationRunId(), 0);
        collect(totals, other.allocationRunId(), 2);
        List<ProjectDiff> diffs = new ArrayList<>();
        totals.forEach((project, t) -> diffs.add(new ProjectDiff(project, plain(t[0]), plain(t[2]),
                plain(t[0].subtract(t[2])), plain(t[1]), plain(t[3]), plain(t[1].subtract(t[3])))));
        return diffs;
    }

    private static void collect(Map<String, BigDecimal[]> totals, Long allocationRunId, int at) {
        if (allocationRunId == null) {
            return;
        }
        List<Object[]> rows = NativeSql.rows("select coalesce(project, bucket),"
                + " sum(scope1_kgco2e + scope2_location_kgco2e + scope3_kgco2e + combined_location_kgco2e),"
                + " sum(scope1_kgco2e + scope2_market_kgco2e + scope3_kgco2e + combined_market_kgco2e)"
                + " from allocation_row where run_id = ?1 group by coalesce(project, bucket)", allocationRunId);
        for (Object[] row : rows) {
            BigDecimal[] t = totals.computeIfAbsent((String) row[0], p -> new BigDecimal[] {
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            t[at] = (BigDecimal) row[1];
            t[at + 1] = (BigDecimal) row[2];
        }
    }

    /**
     * Closes as recorded, except that one still marked running whose month's lock no process
     * holds is answered as interrupted: a running close holds that session lock from before
     * its record is written until after it is finished, and the server drops it with the
     * session of a killed process, in whichever replica or job it ran.
     */
    private List<CloseReport> query(String clause, Object... parameters) {
        List<CloseReport> recorded = recorded(clause, parameters);
        if (recorded.stream().noneMatch(report -> report.status().equals("running"))) {
            return recorded;
        }

        Set<Long> heldLocks = heldAdvisoryLocks();
        return recorded.stream()
                .map(report -> report.status().equals("running")
                        && !heldLocks.contains(MonthClose.lockKey(YearMonth.parse(report.month())))
                        ? interrupted(report)
                        : report)
                .toList();
    }

    /** Session-level advisory locks on a bigint key granted now, across the server. */
    private static Set<Long> heldAdvisoryLocks() {
        Set<Long> keys = new HashSet<>();
        for (Object[] row : NativeSql.rows("select classid::bigint, objid::bigint from pg_locks"
                + " where locktype = 'advisory' and objsubid = 1 and granted")) {
            keys.add((((Number) row[0]).longValue() << 32) | ((Number) row[1]).longValue());
        }
        return keys;
    }

    private static CloseReport interrupted(CloseReport report) {
        return new CloseReport(report.runId(), report.month(), report.triggeredBy(), "interrupted",
                report.exitCode(), report.methodologyVersion(), report.allocationRunId(),
                report.methodologyRunId(), report.inputs(), report.stages(), report.totals(),
                KILLED, report.startedAt(), report.finishedAt());
    }

    private List<CloseReport> recorded(String clause, Object... parameters) {
        List<CloseReport> reports = new ArrayList<>();
        for (Object[] row : NativeSql.rows("select " + COLUMNS + " from close_run " + clause, parameters)) {
            reports.add(new CloseReport(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    (String) row[3], row[4] == null ? null : ((Number) row[4]).intValue(), (String) row[5],
                    row[6] == null ? null : ((Number) row[6]).longValue(),
                    row[7] == null ? null : ((Number) row[7]).longValue(),
                    read((String) row[8], new TypeReference<List<CloseReport.InputFile>>() { }),
                    read((String) row[9], new TypeReference<List<CloseReport.Stage>>() { }),
                    row[10] == null ? null : read((String) row[10], new TypeReference<Map<String, KgCo2eView>>() { }),
                    (String) row[11], instant(row[12]), instant(row[13])));
        }
        return reports;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("close record is not JSON-serialisable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored close record is not readable", e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant instant ? instant : ((Timestamp) value).toInstant();
    }
}
