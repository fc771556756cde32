package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.Flag;
import dev.aicarbon.allocation.UsageMetric;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.db.CopyRows;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.model.AllocationRun;
import dev.aicarbon.service.model.KgCo2eAmounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Allocates a month and publishes the result.
 *
 * <p>A run is one transaction: the month's previous published run is marked superseded and
 * the new one written in its place, or, on any failure, nothing changes. Runs of the same
 * month are serialised by a transaction-scoped advisory lock, so two never interleave.
 */
@ApplicationScoped
public class AllocationService {

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

    /** Namespace of this service's advisory locks, so they cannot collide with others'. */
    private static final long LOCK_NAMESPACE = 0x6361_7262_6f6e_0000L;

    /** Columns of allocation_row a run writes; the id takes its default from the sequence. */
    static final String ROW_COLUMNS = "run_id, month, project, bucket, workload, stage,"
            + " provider, account_id, region, service, flags, scope1_kgco2e, scope2_location_kgco2e,"
            + " scope2_market_kgco2e, scope3_kgco2e, combined_location_kgco2e, combined_market_kgco2e";

    @Inject
    CarbonConfig config;

    @Inject
    dev.aicarbon.service.metrics.CarbonMetrics metrics;

    @Inject
    AgroalDataSource dataSource;

    /** Allocates with the configured usage metric. */
    public RunView allocate(YearMonth month) {
        return allocate(month, null);
    }

    /**
     * Allocates {@code month} splitting by {@code metric}, or by the configured one when null.
     *
     * <p>Plan, in one transaction:
     * 1. Lock the month; read its cells (few).
     * 2. Mark the published run superseded and store the new run, so its rows can refer to it.
     * 3. Stream the month's usage lines through a cursor, one account group at a time; allocate
     *    each group with its cells and write its rows with COPY (AccountGroupAllocation). The
     *    cursor runs on a connection of its own, in this transaction's snapshot, unless this
     *    transaction wrote before the allocation began (ReadAheadLines).
     * 4. Check the summed totals conserve the input; record them and the counts on the run.
     */
    @Transactional
    public RunView allocate(YearMonth month, UsageMetric metric) {
        MDC.put("month", month.toString());
        try {
            lockMonth(month);
            Instant startedAt = Instant.now();
            List<EmissionsCell> cells = AllocationInputs.cells(month);
            if (cells.isEmpty() && !AllocationInputs.hasUsageLines(month)) {
                throw new NothingToAllocateException(
                        "no emissions or usage imported for " + month);
            }
            AllocationPolicy policy = metric == null
                    ? config.allocation().policy()
                    : config.allocation().policy().withMetric(metric);

            boolean readAside = NativeSql.onConnection(ReadAheadLines::canReadAside);
            AllocationRun run = openRun(month, policy.metric(), startedAt);
            MonthTotals totals = NativeSql.onConnection(connection -> readAside
                    ? allocateReadingAside(connection, run, policy, cells)
                    : allocateByAccount(connection, run, policy, cells));
            closeRun(run, totals);

            LOG.infof("Allocated %s in run %d: %d cells (%d unmatched), %d usage lines (%d used), %d rows",
                    month, run.id, totals.cellsRead(), totals.cellsUnmatched(), totals.linesRead(),
                    totals.linesUsed(), totals.rows());
            metrics.recordAllocation(java.time.Duration.between(startedAt, Instant.now()), "published");
            return RunView.of(run);
        } finally {
            MDC.remove("month");
        }
    }

    @Transactional
    public Optional<RunView> find(long runId) {
        return AllocationRun.<AllocationRun>findByIdOptional(runId).map(RunView::of);
    }

    @Transactional
    public List<RunView> list(YearMonth month) {
        List<AllocationRun> runs = month == null
                ? AllocationRun.list("order by id desc")
                : AllocationRun.list("month = ?1 order by id desc", month.toString());
        return runs.stream().map(RunView::of).toList();
    }

    static void lockMonth(YearMonth month) {
        NativeSql.lockMonthForTransaction(LOCK_NAMESPACE, month);
    }

    /** Step 2: the month's new run, stored with its counts and totals still to come. */
    static AllocationRun openRun(YearMonth month, UsageMetric metric, Instant startedAt) {
        Optional<AllocationRun> previous = AllocationRun.findPublished(month.toString());
        previous.ifPresent(run -> {
            run.status = AllocationRun.SUPERSEDED;
            run.supersededAt = Instant.now();
        });
        Panache.getEntityManager().flush();

        AllocationRun run = new AllocationRun();
        run.month = month.toString();
        run.status = AllocationRun.CURRENT;
        run.usageMetric = metric.name();
        run.startedAt = startedAt;
        run.finishedAt = startedAt;
        run.persist();
        previous.ifPresent(earlier -> earlier.supersededBy = run.id);
        return run;
    }

    /** Step 3, on the transaction's connection; nothing else may use it meanwhile. */
    private static MonthTotals allocateByAccount(Connection connection, AllocationRun run,
            AllocationPolicy policy, List<EmissionsCell> cells) throws SQLException {
        CopyRows rows = NativeSql.copyInto(connection, "allocation_row", ROW_COLUMNS);
        try {
            AccountGroupAllocation groups = new AccountGroupAllocation(policy, cells, groupRows -> {
                groupRows.forEach(row -> writeRow(rows, run, row));
                rows.pause();
            });
            new MonthUsageCursor(connection, YearMonth.parse(run.month)).forEach(groups::add);
            MonthTotals totals = groups.finish();
            rows.finish();
            return totals;
        } catch (RuntimeException e) {
            rows.abandon();
            throw e;
        }
    }

    /**
     * Step 3 with the lines read on another connection: this one only writes, so its COPY
     * stays open from the first group to the last.
     */
    private MonthTotals allocateReadingAside(Connection connection, AllocationRun run,
            AllocationPolicy policy, List<EmissionsCell> cells) throws SQLException {
        CopyRows rows = NativeSql.copyInto(connection, "allocation_row", ROW_COLUMNS);
        try (ReadAheadLines lines = ReadAheadLines.start(connection, dataSource,
                YearMonth.parse(run.month))) {
            AccountGroupAllocation groups = new AccountGroupAllocation(policy, cells,
                    groupRows -> groupRows.forEach(row -> writeRow(rows, run, row)));
            lines.forEachAccount(groups::addAccount);
            MonthTotals totals = groups.finish();
            rows.finish();
            return totals;
        } catch (RuntimeException | SQLException e) {
            rows.abandon();
            throw e;
        }
    }

    /** Step 4. */
    static void closeRun(AllocationRun run, MonthTotals totals) {
        run.finishedAt = Instant.now();
        run.cellsRead = totals.cellsRead();
        run.linesRead = totals.linesRead();
        run.cellsMatched = totals.cellsMatched();
        run.cellsUnmatched = totals.cellsUnmatched();
        run.linesUsed = totals.linesUsed();
        run.totals.put(AllocationRun.INPUT, KgCo2eAmounts.of(totals.input()));
        run.totals.put(AllocationRun.PROJECTS, KgCo2eAmounts.of(totals.allocatedToProjects()));
        for (Bucket bucket : Bucket.values()) {
            run.totals.put(bucket.label(), KgCo2eAmounts.of(totals.buckets().get(bucket)));
        }
    }

    /** One result row in the order of {@link #ROW_COLUMNS}; flags sorted, comma-separated. */
    static void writeRow(CopyRows rows, AllocationRun run, Allocation allocation) {
        Emissions amount = allocation.emissions();
        rows.number(run.id)
                .text(run.month)
                .text(allocation.project())
                .text(allocation.bucket() == null ? null : allocation.bucket().label())
                .text(allocation.workload())
                .text(allocation.stage() == null ? null : allocation.stage().label())
                .text(allocation.provider())
                .text(allocation.accountId())
                .text(allocation.region())
                .text(allocation.service())
                .text(allocation.flags().stream()
                        .map(Flag::label)
                        .sorted()
                        .collect(Collectors.joining(",")))
                .decimal(amount.scope1KgCo2e())
                .decimal(amount.scope2LocationKgCo2e())
                .decimal(amount.scope2MarketKgCo2e())
                .decimal(amount.scope3KgCo2e())
                .decimal(amount.combinedLocationKgCo2e())
                .decimal(amount.combinedMarketKgCo2e());
        rows.endRow();
    }
}
