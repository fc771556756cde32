package dev.aicarbon.spark;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.Flag;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The job's output directory read back as a loader would read it, and the engine's result put
 * in the same shape, so the two compare row by row. Rows are keyed by every dimension.
 */
final class JobOutput {

    private static final List<String> AMOUNTS = List.of("scope1_kgco2e",
            "scope2_location_kgco2e", "scope2_market_kgco2e", "scope3_kgco2e",
            "combined_location_kgco2e", "combined_market_kgco2e");

    private JobOutput() {
    }

    /** allocations.csv: row key to its six amounts. */
    static Map<String, List<BigDecimal>> allocations(Path directory) throws IOException {
        Map<String, List<BigDecimal>> rows = new TreeMap<>();
        for (CSVRecord record : read(directory.resolve("allocations.csv"))) {
            String key = String.join(",", record.get("consumer_kind"), record.get("consumer"),
                    record.get("workload"), record.get("stage"), record.get("provider"),
                    record.get("account_id"), record.get("month"), record.get("region"),
                    record.get("service"), record.get("flags"));
            List<BigDecimal> previous = rows.put(key, amounts(record));
            if (previous != null) {
                throw new AssertionError("allocations.csv repeats the row " + key);
            }
        }
        return rows;
    }

    /** The engine's rows in the same shape. */
    static Map<String, List<BigDecimal>> allocations(AllocationResult result) {
        Map<String, List<BigDecimal>> rows = new TreeMap<>();
        for (Allocation row : result.allocations()) {
            String flags = row.flags().stream()
                    .sorted()
                    .map(Flag::label)
                    .collect(Collectors.joining("|"));
            String key = String.join(",", row.project() != null ? "project" : "bucket",
                    row.consumer(), text(row.workload()),
                    row.stage() == null ? "" : row.stage().label(), row.provider(),
                    row.accountId(), row.month().toString(), text(row.region()),
                    text(row.service()), flags);
            rows.put(key, components(row.emissions()));
        }
        return rows;
    }

    /** totals.csv: input, projects, unallocated, unmatched to their six amounts. */
    static Map<String, List<BigDecimal>> totals(Path directory) throws IOException {
        Map<String, List<BigDecimal>> totals = new LinkedHashMap<>();
        for (CSVRecord record : read(directory.resolve("totals.csv"))) {
            totals.put(record.get("total"), amounts(record));
        }
        return totals;
    }

    static Map<String, List<BigDecimal>> totals(AllocationResult result) {
        Map<String, List<BigDecimal>> totals = new LinkedHashMap<>();
        totals.put("input", components(result.input()));
        totals.put("projects", components(result.allocatedToProjects()));
        totals.put("unallocated", components(result.buckets().get(Bucket.UNALLOCATED)));
        totals.put("unmatched", components(result.buckets().get(Bucket.UNMATCHED)));
        return totals;
    }

    /** summary.csv: name to value. */
    static Map<String, String> summary(Path directory) throws IOException {
        Map<String, String> summary = new LinkedHashMap<>();
        read(directory.resolve("summary.csv")).forEach(
                record -> summary.put(record.get("name"), record.get("value")));
        return summary;
    }

    static List<CSVRecord> quarantine(Path directory) throws IOException {
        return read(directory.resolve("quarantine.csv"));
    }

    /** Amounts summed per consumer ({@code kind,consumer}), six components each. */
    static Map<String, List<BigDecimal>> byConsumer(Map<String, List<BigDecimal>> rows) {
        Map<String, List<BigDecimal>> sums = new TreeMap<>();
        rows.forEach((key, amounts) -> {
            String[] parts = key.split(",", -1);
            sums.merge(parts[0] + "," + parts[1], amounts, JobOutput::plus);
        });
        return sums;
    }

    static List<BigDecimal> plus(List<BigDecimal> left, List<BigDecimal> right) {
        List<BigDecimal> sum = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            sum.add(left.get(i).add(right.get(i)));
        }
        return sum;
    }

    private static List<BigDecimal> components(Emissions emissions) {
        return List.of(emissions.scope1KgCo2e(), emissions.scope2LocationKgCo2e(),
                emissions.scope2MarketKgCo2e(), emissions.scope3KgCo2e(),
                emissions.combinedLocationKgCo2e(), emissions.combinedMarketKgCo2e());
    }

    private static List<BigDecimal> amounts(CSVRecord record) {
        return AMOUNTS.stream().map(column -> new BigDecimal(record.get(column))).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }
}
