package dev.aicarbon.spark;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The month's allocation as a Spark job: the engine the service runs, applied per account
 * group on the executors, over FOCUS files (Parquet or CSV) and the canonical emissions CSV.
 * Writes a directory the service can load (see docs/spark.md).
 *
 * <p>Its results equal the service's for the same inputs: each group (provider, account,
 * month) is allocated by {@code dev.aicarbon.allocation.Allocator} itself, and the engine
 * never lets a cell or a shared line reach past its group (see {@link AccountGroupAllocator}).
 * Conservation is checked by the engine per group and here for the month, before anything is
 * written.
 */
public final class SparkAllocationJob {

    private static final Logger LOG = LoggerFactory.getLogger(SparkAllocationJob.class);

    private SparkAllocationJob() {
    }

    /** Entry point for spark-submit; arguments as in {@link JobArguments#USAGE}. */
    public static void main(String[] args) {
        JobArguments arguments = JobArguments.parse(args);
        SparkSession spark = SparkSession.builder()
                .appName("carbon allocation " + arguments.month())
                .getOrCreate();
        try {
            run(spark, arguments);
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the allocation on {@code spark} and writes its output directory.
     *
     * @throws IllegalStateException when the month is not conserved; nothing is written then
     */
    static JobReport run(SparkSession spark, JobArguments arguments) {
        // Plan:
        // 1. Refuse an output directory holding files, before any work.
        // 2. Read the month's emissions cells on the driver (one small file).
        // 3. Read the FOCUS rows on the executors: usage lines of the month, rows skipped
        //    with a reason, quarantined rows; count each kind.
        // 4. Key cells and lines by account group, cogroup them, allocate each group with the
        //    engine.
        // 5. Sum the groups and check conservation against the cells of step 2.
        // 6. Write allocations, quarantine, totals, and last the summary.
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = context.hadoopConfiguration();
        AllocationRowWriter writer = AllocationRowWriter.into(hadoop, arguments.outputDir());

        EmissionsInput emissions = EmissionsCellMapper.read(
                hadoop, arguments.emissionsPath(), arguments.month());
        LOG.info("Read emissions for {}: {} rows, {} cells of the month, {} of other months,"
                        + " {} quarantined", arguments.month(), emissions.rowsRead(),
                emissions.cells().size(), emissions.otherMonths(), emissions.problems().size());

        JavaRDD<FocusItem> items = focusItems(spark, context, arguments)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<FocusItem.Kind, Long> itemCounts = countByKind(items);
        LOG.info("Read FOCUS rows for {}: {}", arguments.month(), itemCounts);

        JavaRDD<GroupOutcome> groups = allocateGroups(context, arguments, emissions, items)
                .persist(StorageLevel.MEMORY_AND_DISK());
        GroupOutcome month = groups.fold(GroupOutcome.NONE, GroupOutcome::plus);
        requireConserved(month, emissions, itemCounts.get(FocusItem.Kind.USAGE));
        LOG.info("Allocated {}: {} account groups, {} cells matched, {} unmatched, {} lines used",
                arguments.month(), month.groups(), month.cellsMatched(), month.cellsUnmatched(),
                month.linesUsed());

        JobReport report = write(writer, arguments, emissions, items, itemCounts, groups, month);
        items.unpersist();
        groups.unpersist();
        return report;
    }

    private static JavaRDD<FocusItem> focusItems(SparkSession spark, JavaSparkContext context,
            JobArguments arguments) {
        FocusLineMapper mapper = new FocusLineMapper(arguments.month());
        return switch (arguments.format()) {
            case CSV -> FocusCsvFiles.read(context, arguments.focusPaths(), mapper);
            case PARQUET -> FocusParquetFiles.read(spark, arguments.focusPaths(), mapper);
        };
    }

    private static Map<FocusItem.Kind, Long> countByKind(JavaRDD<FocusItem> items) {
        Map<FocusItem.Kind, Long> counted = items.map(FocusItem::kind).countByValue();
        Map<FocusItem.Kind, Long> counts = new LinkedHashMap<>();
        for (FocusItem.Kind kind : FocusItem.Kind.values()) {
            counts.put(kind, counted.getOrDefault(kind, 0L));
        }
        return counts;
    }

    /** Step 4. Groups with lines but no cell come out with no rows, as the engine gives. */
    private static JavaRDD<GroupOutcome> allocateGroups(JavaSparkContext context,
            JobArguments arguments, EmissionsInput emissions, JavaRDD<FocusItem> items) {
        JavaPairRDD<AccountGroupKey, LineRow> lines = items
                .filter(item -> item.kind() == FocusItem.Kind.USAGE)
                .mapToPair(item -> new Tuple2<>(item.line().groupKey(), item.line()));
        JavaPairRDD<AccountGroupKey, CellRow> cells = context
                .parallelize(emissions.cells())
                .mapToPair(cell -> new Tuple2<>(cell.groupKey(), cell));

        AccountGroupAllocator allocator = new AccountGroupAllocator(arguments.policy());
        return cells.cogroup(lines, new HashPartitioner(context.defaultParallelism()))
                .map(group -> allocator.allocate(group._1(), group._2()._1(), group._2()._2()));
    }

    /**
     * Step 5: every cell of the month reached exactly one group, every usage line too, and per
     * component the projects and buckets add up to the cells, exactly.
     */
    private static void requireConserved(GroupOutcome month, EmissionsInput emissions,
            long usageLines) {
        KgCo2eAmounts cellTotal = emissions.totalKgCo2e();
        if (month.cells() != emissions.cells().size() || month.lines() != usageLines) {
            throw new IllegalStateException("groups hold " + month.cells() + " cells and "
                    + month.lines() + " lines, but " + emissions.cells().size() + " cells and "
                    + usageLines + " usage lines were read");
        }
        if (!month.input().toEmissions().isEqualByValue(cellTotal.toEmissions())) {
            throw new IllegalStateException("groups hold " + month.input()
                    + " of emissions, but the month's cells sum to " + cellTotal);
        }
        if (!month.allocated().toEmissions().isEqualByValue(cellTotal.toEmissions())) {
            throw new IllegalStateException("allocation did not conserve the month: input "
                    + cellTotal + ", allocated to projects and buckets " + month.allocated());
        }
    }

    /** Step 6. */
    private static JobReport write(AllocationRowWriter writer, JobArguments arguments,
            EmissionsInput emissions, JavaRDD<FocusItem> items, Map<FocusItem.Kind, Long> counts,
            JavaRDD<GroupOutcome> groups, GroupOutcome month) {
        long rows = writer.writeAllocations(rowsInOrder(groups));
        long problems = writer.writeQuarantine(problemsInOrder(emissions, items));
        writer.writeTotals(month);

        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("focus_rows_read", counts.values().stream().mapToLong(Long::longValue).sum());
        summary.put("usage_lines", counts.get(FocusItem.Kind.USAGE));
        summary.put("lines_not_usage", counts.get(FocusItem.Kind.NOT_USAGE));
        summary.put("lines_other_month", counts.get(FocusItem.Kind.OTHER_MONTH));
        summary.put("lines_quarantined", counts.get(FocusItem.Kind.QUARANTINED));
        summary.put("emissions_rows_read", (long) emissions.rowsRead());
        summary.put("cells", (long) emissions.cells().size());
        summary.put("cells_other_month", (long) emissions.otherMonths());
        summary.put("cells_quarantined", (long) emissions.problems().size());
        summary.put("cells_matched", month.cellsMatched());
        summary.put("cells_unmatched", month.cellsUnmatched());
        summary.put("lines_used", month.linesUsed());
        summary.put("account_groups", month.groups());
        summary.put("allocation_rows", rows);
        summary.put("problems_listed", problems);

        Map<String, Object> written = new LinkedHashMap<>();
        written.put("month", arguments.month());
        written.put("metric", arguments.policy().metric());
        written.put("project_tag", arguments.policy().projectTagKey());
        written.put("workload_tag", arguments.policy().workloadTagKey());
        written.put("stage_tag", arguments.policy().stageTagKey());
        written.put("shared_value", arguments.policy().sharedProjectValue());
        written.putAll(summary);
        writer.writeSummary(written);
        LOG.info("Wrote {} to {}: {} allocation rows, {} problems listed", arguments.month(),
                arguments.outputDir(), rows, problems);
        if (problems > 0) {
            LOG.warn("{} input rows were quarantined for {}; see {} in {}", problems,
                    arguments.month(), AllocationRowWriter.QUARANTINE, arguments.outputDir());
        }
        return new JobReport(summary, month);
    }

    /** Groups in provider, account, month order; each group's rows in the engine's order. */
    private static Iterator<AllocationRow> rowsInOrder(JavaRDD<GroupOutcome> groups) {
        Iterator<GroupOutcome> sorted = groups
                .mapToPair(group -> new Tuple2<>(group.sortText(), group))
                .sortByKey()
                .values()
                .toLocalIterator();
        return flatten(sorted);
    }

    private static Iterator<AllocationRow> flatten(Iterator<GroupOutcome> groups) {
        return new Iterator<>() {
            private Iterator<AllocationRow> current = List.<AllocationRow>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && groups.hasNext()) {
                    current = groups.next().rows().iterator();
                }
                return current.hasNext();
            }

            @Override
            public AllocationRow next() {
                hasNext();
                return current.next();
            }
        };
    }

    /** The emissions file's problems first, then the FOCUS files' by file and row. */
    private static Iterator<LineProblem> problemsInOrder(EmissionsInput emissions,
            JavaRDD<FocusItem> items) {
        Iterator<LineProblem> focus = items
                .filter(item -> item.kind() == FocusItem.Kind.QUARANTINED)
                .map(FocusItem::problem)
                .sortBy(problem -> problem.source() + '\u0000'
                        + String.format("%012d", problem.row()), true, 1)
                .toLocalIterator();
        Iterator<LineProblem> fromEmissions = emissions.problems().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return fromEmissions.hasNext() || focus.hasNext();
            }

            @Override
            public LineProblem next() {
                return fromEmissions.hasNext() ? fromEmissions.next() : focus.next();
            }
        };
    }
}
