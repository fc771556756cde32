package dev.aicarbon.spark;

import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.FileRefusedException;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the canonical emissions CSV on the driver with the service's
 * {@link EmissionsCsvReader} and turns its rows into cells as the service's import does:
 * account ids canonical ({@link AccountIds}), scope-split or scope-combined amounts as the row
 * carries them, resource and the scope 2 stand-in flag kept. Emissions files are small (one
 * row per account, month and at most region, service or resource), so one reader suffices.
 *
 * <p>Exactly one file: the service restates a month per account when a second file arrives,
 * and the job does not guess which of two files is current.
 */
final class EmissionsCellMapper {

    private EmissionsCellMapper() {
    }

    /**
     * The cells of {@code month} in the file {@code path} names (a path or a glob matching one
     * file), readable through Hadoop's file systems (local, HDFS, s3a, gs, abfs).
     *
     * @throws FileRefusedException when no file or more than one matches, or the file is not
     *                              a canonical emissions CSV
     */
    static EmissionsInput read(Configuration hadoop, String path, YearMonth month) {
        Path file = onlyFile(hadoop, path);
        String name = file.getName();
        Collector collector = new Collector(name, month);
        try (InputStream in = file.getFileSystem(hadoop).open(file)) {
            ReadSummary summary = new EmissionsCsvReader().read(in, name, collector);
            return new EmissionsInput(collector.cells, collector.problems, summary.rowsRead(),
                    collector.otherMonths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Path onlyFile(Configuration hadoop, String path) {
        try {
            Path pattern = new Path(path);
            FileStatus[] matches = pattern.getFileSystem(hadoop).globStatus(pattern);
            if (matches == null || matches.length != 1 || !matches[0].isFile()) {
                int count = matches == null ? 0 : matches.length;
                throw new FileRefusedException(path,
                        "expected exactly one emissions file, found " + count);
            }
            return matches[0].getPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    static CellRow toCell(EmissionsRow row, String source) {
        KgCo2eAmounts amounts = row.scopeCombined()
                ? KgCo2eAmounts.ofCombinedTotals(row.totalLocationKgCo2e(), row.totalMarketKgCo2e())
                : KgCo2eAmounts.ofScopes(row.scope1KgCo2e(), row.scope2LocationKgCo2e(),
                        row.scope2MarketKgCo2e(), row.scope3KgCo2e());
        return new CellRow(source + "#" + row.row(), row.provider(),
                AccountIds.canonical(row.provider(), row.accountId()), row.month().toString(),
                row.region(), row.service(), row.resourceId(), amounts,
                row.scope2LocationFromMarket());
    }

    /** Keeps the month's cells, counts other months, lists quarantined rows. */
    private static final class Collector implements RowSink<EmissionsRow> {

        private final String source;
        private final YearMonth month;
        private final List<CellRow> cells = new ArrayList<>();
        private final List<LineProblem> problems = new ArrayList<>();
        private int otherMonths;

        Collector(String source, YearMonth month) {
            this.source = source;
            this.month = month;
        }

        @Override
        public void accept(EmissionsRow row) {
            if (row.month().equals(month)) {
                cells.add(toCell(row, source));
            } else {
                otherMonths++;
            }
        }

        @Override
        public void quarantine(RowProblem problem) {
            problems.add(new LineProblem(source, problem.row(), problem.column(), problem.reason()));
        }
    }
}
