package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.Flag;
import dev.aicarbon.allocation.Stage;
import dev.aicarbon.providers.FileRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The output directory of the Spark job (docs/spark.md), zipped: {@code summary.csv},
 * {@code totals.csv} and {@code allocations.csv}, at the top or in one folder. Anything in it
 * that does not parse refuses the whole file, naming the entry, row and column: these are
 * results, not raw data, and a run is published whole or not at all.
 */
final class SparkResults implements AutoCloseable {

    static final List<String> AMOUNT_COLUMNS = List.of("scope1_kgco2e", "scope2_location_kgco2e",
            "scope2_market_kgco2e", "scope3_kgco2e", "combined_location_kgco2e",
            "combined_market_kgco2e");

    private static final Map<String, Flag> FLAGS = new HashMap<>();
    private static final Map<String, Bucket> BUCKETS = new HashMap<>();

    static {
        Arrays.stream(Flag.values()).forEach(flag -> FLAGS.put(flag.label(), flag));
        Arrays.stream(Bucket.values()).forEach(bucket -> BUCKETS.put(bucket.label(), bucket));
    }

    private final ZipFile zip;
    private final String source;
    private final Map<String, String> summary;

    private SparkResults(ZipFile zip, String source) {
        this.zip = zip;
        this.source = source;
        this.summary = readSummary();
    }

    /** Opens the zip at {@code file}; {@code source} names it in messages. */
    static SparkResults open(java.nio.file.Path file, String source) {
        try {
            return new SparkResults(new ZipFile(file.toFile()), source);
        } catch (java.util.zip.ZipException e) {
            throw new SparkResultsRefusedException(source, "not a zip of the Spark job's output directory");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded results", e);
        }
    }

    YearMonth month() {
        String month = summaryValue("month");
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw refused("summary.csv", 0, "value", "month " + month + " is not YYYY-MM");
        }
    }

    String metric() {
        return summaryValue("metric");
    }

    /** A count of {@code summary.csv}, such as {@code cells} or {@code lines_used}. */
    int count(String name) {
        try {
            return Integer.parseInt(summaryValue(name));
        } catch (NumberFormatException e) {
            throw refused("summary.csv", 0, "value", name + " is not a whole number");
        }
    }

    /** The rows of {@code totals.csv} by their {@code total} name (input, projects, buckets). */
    Map<String, Emissions> totals() {
        Map<String, Emissions> totals = new LinkedHashMap<>();
        read("totals.csv", record -> totals.put(record.get("total"), amounts(record, "totals.csv")));
        return totals;
    }

    /** Hands each row of {@code allocations.csv} to {@code sink} as the engine's result type. */
    void forEachAllocation(YearMonth month, Consumer<Allocation> sink) {
        read("allocations.csv", record -> sink.accept(allocation(record, month)));
    }

    private Allocation allocation(CSVRecord record, YearMonth month) {
        String kind = record.get("consumer_kind");
        String consumer = text(record, "consumer");
        if (!month.toString().equals(record.get("month"))) {
            throw refused("allocations.csv", record, "month", "month " + record.get("month")
                    + " is not the summary's " + month);
        }
        Bucket bucket = switch (kind) {
            case "project" -> null;
            case "bucket" -> bucketNamed(record, consumer);
            default -> throw refused("allocations.csv", record, "consumer_kind",
                    "consumer_kind " + kind + " is not project or bucket");
        };
        return new Allocation(bucket == null ? consumer : null, bucket, text(record, "workload"),
                stage(record), record.get("provider"), record.get("account_id"), month,
                text(record, "region"), text(record, "service"), flags(record),
                amounts(record, "allocations.csv"));
    }

    private Bucket bucketNamed(CSVRecord record, String name) {
        Bucket bucket = BUCKETS.get(name);
        if (bucket == null) {
            throw refused("allocations.csv", record, "consumer", "no bucket named " + name);
        }
        return bucket;
    }

    private Stage stage(CSVRecord record) {
        String label = text(record, "stage");
        return label == null ? null : Stage.fromTag(label).orElseThrow(() -> refused(
                "allocations.csv", record, "stage", "stage " + label + " is not a lifecycle stage"));
    }

    private Set<Flag> flags(CSVRecord record) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        String text = text(record, "flags");
        if (text == null) {
            return flags;
        }
        for (String label : text.split("\\|")) {
            Flag flag = FLAGS.get(label);
            if (flag == null) {
                throw refused("allocations.csv", record, "flags", "unknown flag " + label);
            }
            flags.add(flag);
        }
        return flags;
    }

    private Emissions amounts(CSVRecord record, String entry) {
        BigDecimal[] values = new BigDecimal[AMOUNT_COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            String column = AMOUNT_COLUMNS.get(i);
            try {
                values[i] = new BigDecimal(record.get(column));
            } catch (NumberFormatException e) {
                throw refused(entry, record, column, column + " " + record.get(column)
                        + " is not a decimal");
            }
        }
        return new Emissions(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    private static String text(CSVRecord record, String column) {
        String value = record.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private Map<String, String> readSummary() {
        Map<String, String> values = new HashMap<>();
        read("summary.csv", record -> values.put(record.get("name"), record.get("value")));
        return values;
    }

    private String summaryValue(String name) {
        String value = summary.get(name);
        if (value == null) {
            throw refused("summary.csv", 0, "name", "no " + name + " in the summary; an interrupted"
                    + " job writes none, so use only a finished output directory");
        }
        return value;
    }

    private void read(String name, Consumer<CSVRecord> rows) {
        ZipEntry entry = entry(name);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = zip.getInputStream(entry);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                rows.accept(record);
            }
        } catch (IllegalArgumentException e) {
            throw refused(name, 0, null, "not the job's CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " of " + source, e);
        }
    }

    private ZipEntry entry(String name) {
        return zip.stream()
                .filter(entry -> !entry.isDirectory())
                .filter(entry -> entry.getName().equals(name) || entry.getName().endsWith("/" + name))
                .findFirst()
                .orElseThrow(() -> new SparkResultsRefusedException(source,
                        "no " + name + " in the zip; zip the whole output directory of the job"));
    }

    private SparkResultsRefusedException refused(String entry, CSVRecord record, String column, String why) {
        return refused(entry, (int) record.getRecordNumber() + 1, column, why);
    }

    private SparkResultsRefusedException refused(String entry, int row, String column, String why) {
        String where = entry + (row > 0 ? " row " + row : "") + (column == null ? "" : ", column " + column);
        return new SparkResultsRefusedException(source, where + ": " + why);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Results that cannot be published as they are; nothing of them was stored. */
    static final class SparkResultsRefusedException extends FileRefusedException {

        SparkResultsRefusedException(String source, String message) {
            super(source, message);
        }
    }
}
