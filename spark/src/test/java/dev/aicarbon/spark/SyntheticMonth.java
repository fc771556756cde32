package dev.aicarbon.spark;

import dev.aicarbon.providers.emissions.EmissionsCsvWriter;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A seeded month of FOCUS usage and provider emissions over three clouds, nine accounts,
 * their regions and services, with what allocation has to cope with: shared and untagged
 * lines, AWS {@code user:} tags, unknown stages, missing and negative metrics, equal costs
 * (ties), lines of other charge categories and months, Azure subscriptions written as paths,
 * and cells by account, region, service, resource, scope-combined, with no usage or zero usage.
 */
final class SyntheticMonth {

    static final YearMonth MONTH = YearMonth.of(2026, 3);

    private static final String[][] AWS = {{"111111111111", "222222222222", "333333333333"},
            {"us-east-1", "eu-west-1"},
            {"Amazon Elastic Compute Cloud", "Amazon SageMaker", "Amazon Simple Storage Service"}};
    private static final String[][] AZURE = {{"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
            "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b"},
            {"westeurope", "eastus"}, {"Virtual Machines", "Storage"}};
    private static final String[][] GCP = {{"ml-prod-1", "ml-prod-2", "ml-lab"},
            {"europe-west4", "us-central1"}, {"Compute Engine", "Vertex AI"}};
    private static final String[] PROJECTS = {"vision", "speech", "search", "ranking", "shared",
            null, "  "};
    private static final String[] WORKLOADS = {"train-large", "serve", null};
    private static final String[] STAGES = {"training", "inference", "data", "development",
            "qa", null};

    final List<FocusRecord> records = new ArrayList<>();
    final List<EmissionsRow> cells = new ArrayList<>();
    private final Random random;

    private SyntheticMonth(long seed) {
        this.random = new Random(seed);
    }

    /** {@code lines} random usage rows plus the fixed ones every month needs. */
    static SyntheticMonth generate(long seed, int lines) {
        SyntheticMonth month = new SyntheticMonth(seed);
        for (int i = 0; i < lines; i++) {
            month.records.add(month.randomRecord(i));
        }
        month.addZeroUsageLines();
        month.addCells();
        return month;
    }

    /** Writes the FOCUS rows as {@code parts} CSV files, in order, into {@code directory}. */
    List<Path> writeFocusCsv(Path directory, int parts) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        int size = (records.size() + parts - 1) / parts;
        for (int part = 0; part < parts; part++) {
            Path file = directory.resolve("focus-part-" + part + ".csv");
            List<FocusRecord> slice = records.subList(part * size,
                    Math.min(records.size(), (part + 1) * size));
            writeCsv(file, slice);
            files.add(file);
        }
        return files;
    }

    static void writeCsv(Path file, List<FocusRecord> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.RFC4180.print(out)) {
            printer.printRecord(FocusRecord.CSV_HEADER);
            for (FocusRecord row : rows) {
                printer.printRecord(row.csvValues());
            }
        }
    }

    Path writeEmissionsCsv(Path file) throws IOException {
        try (EmissionsCsvWriter writer = new EmissionsCsvWriter(
                Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            cells.forEach(writer::write);
        }
        return file;
    }

    private FocusRecord randomRecord(int index) {
        int provider = random.nextInt(3);
        String[][] cloud = provider == 0 ? AWS : provider == 1 ? AZURE : GCP;
        String account = pick(cloud[0]);
        String region = random.nextInt(40) == 0 ? null : pick(cloud[1]);
        String service = pick(cloud[2]);

        BigDecimal list = BigDecimal.valueOf(1 + random.nextInt(80), 2).multiply(BigDecimal.TEN);
        BigDecimal effective = list.multiply(new BigDecimal("0.9"));
        String listCost = list.toPlainString();
        String effectiveCost = effective.toPlainString();
        int metricCase = random.nextInt(100);
        if (metricCase < 5) {
            listCost = null;
        } else if (metricCase < 7) {
            listCost = null;
            effectiveCost = null;
        } else if (metricCase < 8) {
            listCost = list.negate().toPlainString();
        }

        return new FocusRecord(providerName(provider), "payer-" + provider,
                subAccountId(provider, account), start(index), MONTH.atEndOfMonth()
                .atStartOfDay().toInstant(ZoneOffset.UTC), category(), region, service,
                resourceId(provider, index), listCost, effectiveCost,
                BigDecimal.valueOf(random.nextInt(100_000), 3).toPlainString(),
                tagsJson(provider == 0));
    }

    private static String providerName(int provider) {
        return provider == 0 ? "AWS" : provider == 1 ? "Microsoft" : "Google Cloud";
    }

    /** Azure writes subscriptions as resource paths in FOCUS, in upper case here. */
    private static String subAccountId(int provider, String account) {
        return provider == 1 ? "/subscriptions/" + account.toUpperCase() : account;
    }

    /** Most rows start in the month; a few the month before, which the job must skip. */
    private Instant start(int index) {
        int day = 1 + random.nextInt(28);
        if (index % 50 == 7) {
            return MONTH.minusMonths(1).atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return MONTH.atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private String category() {
        int draw = random.nextInt(100);
        return draw == 0 ? "Tax" : draw == 1 ? "Credit" : "Usage";
    }

    /** One resource in mixed case so the resource cell matches it ignoring case. */
    private String resourceId(int provider, int index) {
        if (provider == 0 && index % 10 == 3) {
            return "i-0ABCdef0123";
        }
        return random.nextInt(5) == 0 ? null : "res-" + provider + "-" + random.nextInt(200);
    }

    private String tagsJson(boolean awsPrefix) {
        String prefix = awsPrefix ? "user:" : "";
        List<String> entries = new ArrayList<>();
        addTag(entries, prefix + "ml-project", pick(PROJECTS));
        addTag(entries, prefix + "ml-workload", pick(WORKLOADS));
        addTag(entries, prefix + "ml-stage", pick(STAGES));
        if (random.nextInt(4) == 0) {
            entries.add("\"cost-center\":" + random.nextInt(100));
        }
        return entries.isEmpty() && random.nextBoolean() ? null : "{" + String.join(",", entries) + "}";
    }

    private static void addTag(List<String> entries, String key, String value) {
        if (value != null) {
            entries.add("\"" + key + "\":\"" + value + "\"");
        }
    }

    /** Lines of a service whose usage sums to zero: its cell goes to unmatched, flagged. */
    private void addZeroUsageLines() {
        for (int i = 0; i < 3; i++) {
            records.add(new FocusRecord("AWS", "payer-0", AWS[0][0],
                    MONTH.atDay(2 + i).atStartOfDay().toInstant(ZoneOffset.UTC),
                    MONTH.atDay(3 + i).atStartOfDay().toInstant(ZoneOffset.UTC), "Usage",
                    "us-east-1", "AWS Support", null, "0", "0", "1",
                    "{\"user:ml-project\":\"vision\"}"));
        }
    }

    private void addCells() {
        addCloudCells("aws", AWS, false);
        addCloudCells("azure", AZURE, true);
        addCloudCells("gcp", GCP, false);
        cells.add(scopes("aws", "444444444444", null, null));
        cells.add(scopes("aws", AWS[0][0], "ap-south-1", null));
        cells.add(scopes("aws", AWS[0][0], null, "AWS Support"));
        cells.add(scopes("aws", AWS[0][1], null, null).withResourceId("I-0abcDEF0123"));
        cells.add(EmissionsRow.ofScopes(0, "aws", AWS[0][2], MONTH.plusMonths(1), null, null,
                amount(), amount(), amount(), amount()));
    }

    /** Per account: whole account, one region, one service, one region and service. */
    private void addCloudCells(String provider, String[][] cloud, boolean marketOnly) {
        for (String account : cloud[0]) {
            EmissionsRow whole = scopes(provider, account, null, null);
            cells.add(marketOnly ? whole.withScope2LocationFromMarket() : whole);
            cells.add(provider.equals("gcp")
                    ? EmissionsRow.ofTotals(0, provider, account, MONTH, cloud[1][0], null,
                            amount(), amount())
                    : scopes(provider, account, cloud[1][0], null));
            cells.add(scopes(provider, account, null, cloud[2][0]));
            cells.add(scopes(provider, account, cloud[1][1], cloud[2][1]));
        }
    }

    private EmissionsRow scopes(String provider, String account, String region, String service) {
        return EmissionsRow.ofScopes(0, provider, account, MONTH, region, service, amount(),
                amount(), amount(), amount());
    }

    /** Up to 500 kg with six decimals. */
    private BigDecimal amount() {
        return BigDecimal.valueOf(random.nextInt(500_000_000), 6).setScale(6, RoundingMode.UNNECESSARY);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
