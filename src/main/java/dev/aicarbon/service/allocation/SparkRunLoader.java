package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageMetric;
import dev.aicarbon.service.db.CopyRows;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.model.AllocationRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Publishes the results of the Spark job (docs/spark.md) as the month's allocation run, as if
 * the service had computed them.
 *
 * <p>Plan, in one transaction:
 * 1. Spool the zip; read its summary: month, metric, counts.
 * 2. Lock the month; require the results' input to equal, exactly and per component, the
 *    emissions the service holds for the month now. Results computed on other inputs (an
 *    older export, a restated month) are refused, not published beside the wrong cells.
 * 3. Supersede the published run, stream the rows into the new run with COPY, summing them.
 * 4. Require the rows to add up to the job's totals and to conserve the input; record the run.
 */
@ApplicationScoped
public class SparkRunLoader {

    private static final Logger LOG = Logger.getLogger(SparkRunLoader.class);

    @Transactional
    public RunView load(InputStream zipBody, String source) {
        Path spooled = spool(zipBody);
        try (SparkResults results = SparkResults.open(spooled, source)) {
            YearMonth month = results.month();
            UsageMetric metric = metric(results, source);
            AllocationService.lockMonth(month);
            Map<String, Emissions> totals = results.totals();
            requireSameInput(source, month, totals.get(AllocationRun.INPUT));

            AllocationRun run = AllocationService.openRun(month, metric, Instant.now());
            MonthTotals sums = new MonthTotals(results.count("cells"));
            sums.addInput(totals.get(AllocationRun.INPUT), results.count("cells_matched"),
                    results.count("cells_unmatched"), results.count("usage_lines"),
                    results.count("lines_used"));
            NativeSql.onConnection(connection -> {
                CopyRows rows = NativeSql.copyInto(connection, "allocation_row",
                        AllocationService.ROW_COLUMNS);
                try {
                    results.forEachAllocation(month, row -> {
                        AllocationService.writeRow(rows, run, row);
                        sums.addRow(row);
                    });
                    rows.finish();
                } catch (RuntimeException e) {
                    rows.abandon();
                    throw e;
                }
                return null;
            });
            requireRowsMatchTotals(source, sums, totals);
            sums.requireConserved();
            AllocationService.closeRun(run, sums);
            LOG.infof("Published the Spark results %s for %s as run %d: %d rows", source, month,
                    run.id, sums.rows());
            return RunView.of(run);
        } finally {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException e) {
                LOG.debugf("Could not delete %s: %s", spooled, e.getMessage());
            }
        }
    }

    private static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("carbon-spark-results-", ".zip");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the uploaded results", e);
        }
    }

    private static UsageMetric metric(SparkResults results, String source) {
        try {
            return UsageMetric.valueOf(results.metric());
        } catch (IllegalArgumentException e) {
            throw new SparkResults.SparkResultsRefusedException(source,
                    "summary.csv: metric " + results.metric() + " is not one the service knows");
        }
    }

    /** Step 2. */
    private static void requireSameInput(String source, YearMonth month, Emissions resultsInput) {
        if (resultsInput == null) {
            throw new SparkResults.SparkResultsRefusedException(source, "totals.csv has no input row");
        }
        List<EmissionsCell> cells = AllocationInputs.cells(month);
        Emissions held = cells.stream().map(EmissionsCell::emissions).reduce(Emissions.ZERO, Emissions::plus);
        if (cells.isEmpty()) {
            throw new NothingToAllocateException("no emissions imported for " + month
                    + "; import the emissions the Spark job read before its results");
        }
        if (!held.isEqualByValue(resultsInput)) {
            throw new SparkResults.SparkResultsRefusedException(source, "the results were computed"
                    + " on other emissions than the service holds for " + month + ": their input is "
                    + resultsInput + ", the month's cells add up to " + held);
        }
    }

    /** Step 4. */
    private static void requireRowsMatchTotals(String source, MonthTotals sums, Map<String, Emissions> totals) {
        check(source, AllocationRun.PROJECTS, sums.allocatedToProjects(), totals);
        for (Bucket bucket : Bucket.values()) {
            if (totals.containsKey(bucket.label())) {
                check(source, bucket.label(), sums.buckets().get(bucket), totals);
            }
        }
    }

    private static void check(String source, String part, Emissions rows, Map<String, Emissions> totals) {
        Emissions stated = totals.get(part);
        if (stated == null || !stated.isEqualByValue(rows)) {
            throw new SparkResults.SparkResultsRefusedException(source, "allocations.csv rows of "
                    + part + " add up to " + rows + " but totals.csv says " + stated);
        }
    }
}
