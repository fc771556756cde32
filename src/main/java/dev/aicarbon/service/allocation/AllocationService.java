package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Allocator;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.Flag;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.allocation.UsageMetric;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.model.AllocationRow;
import dev.aicarbon.service.model.AllocationRun;
import dev.aicarbon.service.model.KgCo2eAmounts;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

    @Inject
    CarbonConfig config;

    @Inject
    dev.aicarbon.service.metrics.CarbonMetrics metrics;

    /** Allocates with the configured usage metric. */
    public RunView allocate(YearMonth month) {
        return allocate(month, null);
    }

    /**
     * Allocates {@code month} splitting by {@code metric}, or by the configured one when null.
     */
    @Transactional
    public RunView allocate(YearMonth month, UsageMetric metric) {
        MDC.put("month", month.toString());
        try {
            lockMonth(month);
            Instant startedAt = Instant.now();
            List<EmissionsCell> cells = AllocationInputs.cells(month);
            List<UsageLine> lines = AllocationInputs.usageLines(month);
            if (cells.isEmpty() && lines.isEmpty()) {
                throw new NothingToAllocateException(
                        "no emissions or usage imported for " + month);
            }
            AllocationPolicy policy = metric == null
                    ? config.allocation().policy()
                    : config.allocation().policy().withMetric(metric);
            AllocationResult result = new Allocator(policy).allocate(cells, lines);
            AllocationRun run = publish(month, policy.metric(), startedAt, cells.size(), lines.size(), result);
            LOG.infof("Allocated %s in run %d: %d cells (%d unmatched), %d usage lines (%d used), %d rows",
                    month, run.id, cells.size(), result.cellsUnmatched(), lines.size(),
                    result.linesUsed(), result.allocations().size());
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

    private static void lockMonth(YearMonth month) {
        NativeSql.lockMonthForTransaction(LOCK_NAMESPACE, month);
    }

    private AllocationRun publish(YearMonth month, UsageMetric metric, Instant startedAt,
            int cellsRead, int linesRead, AllocationResult result) {
        Optional<AllocationRun> previous = AllocationRun.findPublished(month.toString());
        previous.ifPresent(run -> {
            run.status = AllocationRun.SUPERSEDED;
            run.supersededAt = Instant.now();
        });
        Panache.getEntityManager().flush();

        AllocationRun run = newRun(month, metric, startedAt, cellsRead, linesRead, result);
        run.persist();
        previous.ifPresent(earlier -> earlier.supersededBy = run.id);
        writeRows(run, result.allocations());
        return run;
    }

    private static AllocationRun newRun(YearMonth month, UsageMetric metric, Instant startedAt,
            int cellsRead, int linesRead, AllocationResult result) {
        AllocationRun run = new AllocationRun();
        run.month = month.toString();
        run.status = AllocationRun.CURRENT;
        run.usageMetric = metric.name();
        run.startedAt = startedAt;
        run.finishedAt = Instant.now();
        run.cellsRead = cellsRead;
        run.linesRead = linesRead;
        run.cellsMatched = result.cellsMatched();
        run.cellsUnmatched = result.cellsUnmatched();
        run.linesUsed = result.linesUsed();
        run.totals.put(AllocationRun.INPUT, KgCo2eAmounts.of(result.input()));
        run.totals.put(AllocationRun.PROJECTS, KgCo2eAmounts.of(result.allocatedToProjects()));
        for (Bucket bucket : Bucket.values()) {
            run.totals.put(bucket.label(), KgCo2eAmounts.of(result.buckets().get(bucket)));
        }
        return run;
    }

    private static void writeRows(AllocationRun run, List<Allocation> allocations) {
        for (Allocation allocation : allocations) {
            AllocationRow row = new AllocationRow();
            row.runId = run.id;
            row.month = run.month;
            row.project = allocation.project();
            row.bucket = allocation.bucket() == null ? null : allocation.bucket().label();
            row.workload = allocation.workload();
            row.stage = allocation.stage() == null ? null : allocation.stage().label();
            row.provider = allocation.provider();
            row.accountId = allocation.accountId();
            row.region = allocation.region();
            row.service = allocation.service();
            row.flags = allocation.flags().stream()
                    .map(Flag::label)
                    .sorted()
                    .collect(Collectors.joining(","));
            row.amounts = KgCo2eAmounts.of(allocation.emissions());
            row.persist();
        }
    }
}
