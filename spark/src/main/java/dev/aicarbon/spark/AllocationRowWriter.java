package dev.aicarbon.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the job's output directory from the driver, through Hadoop's file systems, as
 * comma-separated UTF-8 with a header row and {@code \n} line ends: {@code allocations.csv},
 * {@code quarantine.csv}, {@code totals.csv}, and last {@code summary.csv}, whose presence
 * marks a complete run. Columns are documented in docs/spark.md.
 */
final class AllocationRowWriter {

    static final String ALLOCATIONS = "allocations.csv";
    static final String QUARANTINE = "quarantine.csv";
    static final String TOTALS = "totals.csv";
    static final String SUMMARY = "summary.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n')
            .get();

    private final FileSystem fileSystem;
    private final Path directory;

    private AllocationRowWriter(FileSystem fileSystem, Path directory) {
        this.fileSystem = fileSystem;
        this.directory = directory;
    }

    /**
     * A writer into {@code outputDir}, created when missing.
     *
     * @throws IllegalArgumentException when the directory already holds files: a run never
     *                                  mixes its results with an earlier run's
     */
    static AllocationRowWriter into(Configuration hadoop, String outputDir) {
        try {
            Path directory = new Path(outputDir);
            FileSystem fileSystem = directory.getFileSystem(hadoop);
            if (fileSystem.exists(directory)) {
                FileStatus[] entries = fileSystem.listStatus(directory);
                if (entries.length > 0) {
                    throw new IllegalArgumentException("--out " + outputDir
                            + " already holds files; give a new or empty directory");
                }
            }
            fileSystem.mkdirs(directory);
            return new AllocationRowWriter(fileSystem, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + outputDir, e);
        }
    }

    /** Writes every row the iterator gives, in its order; returns how many. */
    long writeAllocations(Iterator<AllocationRow> rows) {
        List<String> header = new ArrayList<>(AllocationRow.COLUMNS);
        header.addAll(KgCo2eAmounts.COLUMNS);
        return write(ALLOCATIONS, header, printer -> {
            long written = 0;
            while (rows.hasNext()) {
                printer.printRecord(rows.next().values());
                written++;
            }
            return written;
        });
    }

    long writeQuarantine(Iterator<LineProblem> problems) {
        return write(QUARANTINE, List.of("source", "row", "column", "reason"), printer -> {
            long written = 0;
            while (problems.hasNext()) {
                LineProblem problem = problems.next();
                printer.printRecord(problem.source(), problem.row(),
                        problem.column() == null ? "" : problem.column(), problem.reason());
                written++;
            }
            return written;
        });
    }

    /** One row each for input, projects, unallocated and unmatched. */
    void writeTotals(GroupOutcome month) {
        List<String> header = new ArrayList<>(List.of("total"));
        header.addAll(KgCo2eAmounts.COLUMNS);
        write(TOTALS, header, printer -> {
            printTotal(printer, "input", month.input());
            printTotal(printer, "projects", month.projects());
            printTotal(printer, "unallocated", month.unallocated());
            printTotal(printer, "unmatched", month.unmatched());
            return 4L;
        });
    }

    void writeSummary(Map<String, ?> entries) {
        write(SUMMARY, List.of("name", "value"), printer -> {
            for (Map.Entry<String, ?> entry : entries.entrySet()) {
                printer.printRecord(entry.getKey(), entry.getValue());
            }
            return (long) entries.size();
        });
    }

    private static void printTotal(CSVPrinter printer, String name, KgCo2eAmounts amounts)
            throws IOException {
        List<String> values = new ArrayList<>(List.of(name));
        values.addAll(amounts.plainTexts());
        printer.printRecord(values);
    }

    private long write(String fileName, List<String> header, Body body) {
        Path file = new Path(directory, fileName);
        try (Writer out = new OutputStreamWriter(fileSystem.create(file, false),
                StandardCharsets.UTF_8);
                CSVPrinter printer = FORMAT.print(out)) {
            printer.printRecord(header);
            return body.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** What a file holds below its header. */
    @FunctionalInterface
    private interface Body {
        long print(CSVPrinter printer) throws IOException;
    }
}
