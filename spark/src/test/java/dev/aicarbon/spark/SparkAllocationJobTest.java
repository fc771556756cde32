package dev.aicarbon.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.UsageMetric;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job against the engine run in process on the same files, the way the service runs
 * it: identical rows, per project and scope, identical bucket totals, conservation; and bad
 * input rows counted and listed. Spark runs in local mode on two threads, no UI, loopback only.
 */
class SparkAllocationJobTest {

    private static final long SEED = 20260301L;
    private static final int LINES = 3000;
    private static final DataType MONEY = DataTypes.createDecimalType(38, 12);

    private static SparkSession spark;

    @TempDir
    Path work;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("carbon-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void allocatesACsvMonthExactlyAsTheServiceEngineDoes() throws IOException {
        SyntheticMonth month = SyntheticMonth.generate(SEED, LINES);
        List<Path> focus = month.writeFocusCsv(work.resolve("focus"), 2);
        Path emissions = month.writeEmissionsCsv(work.resolve("emissions.csv"));
        Path out = work.resolve("out");

        JobReport report = SparkAllocationJob.run(spark, arguments(
                work.resolve("focus").toString(), "csv", emissions, "list-cost", out));

        AllocationResult expected = ServiceReference.allocate(focus, emissions,
                SyntheticMonth.MONTH, AllocationPolicy.DEFAULT, ServiceReference.SERVICE_IDS);
        assertSameAllocation(out, expected);
        assertCountsOf(month, out, report);
    }

    @Test
    void allocatesAParquetMonthExactlyAsTheServiceEngineDoes() throws IOException {
        SyntheticMonth month = SyntheticMonth.generate(SEED + 1, LINES);
        List<Path> csv = month.writeFocusCsv(work.resolve("focus-csv"), 1);
        Path parquet = writeParquet(month.records, work.resolve("focus-parquet"));
        Path emissions = month.writeEmissionsCsv(work.resolve("emissions.csv"));
        Path out = work.resolve("out");

        JobReport report = SparkAllocationJob.run(spark, arguments(
                parquet.getParent().toString(), "parquet", emissions, "effective-cost", out));

        String parquetName = parquet.getFileName().toString();
        AllocationResult expected = ServiceReference.allocate(csv, emissions,
                SyntheticMonth.MONTH, AllocationPolicy.DEFAULT.withMetric(UsageMetric.EFFECTIVE_COST),
                (file, before, row) -> parquetName + "#" + String.format("%010d", before + row - 2));
        assertSameAllocation(out, expected);
        assertCountsOf(month, out, report);
    }

    @Test
    void countsAndListsBadCsvRowsInsteadOfDroppingThem() throws IOException {
        SyntheticMonth month = SyntheticMonth.generate(SEED + 2, 40);
        Path focus = work.resolve("focus/with-bad-rows.csv");
        Files.createDirectories(focus.getParent());
        List<FocusRecord> rows = new ArrayList<>(month.records);
        FocusRecord good = rows.get(0);
        rows.add(5, withListCost(good, "12,50"));
        rows.add(9, withTags(good, "{\"ml-project\":"));
        SyntheticMonth.writeCsv(focus, rows);
        Path emissions = month.writeEmissionsCsv(work.resolve("emissions.csv"));
        Path out = work.resolve("out");

        JobReport report = SparkAllocationJob.run(spark, arguments(
                focus.toString(), "csv", emissions, "list-cost", out));

        assertThat(report.count("lines_quarantined")).isEqualTo(2);
        assertThat(report.count("focus_rows_read")).isEqualTo(rows.size());
        List<CSVRecord> problems = JobOutput.quarantine(out);
        assertThat(problems).extracting(r -> r.get("source"), r -> r.get("row"), r -> r.get("column"))
                .containsExactly(
                        tuple("with-bad-rows.csv", "7", "ListCost"),
                        tuple("with-bad-rows.csv", "11", "Tags"));
        assertThat(problems.get(0).get("reason")).contains("\"12,50\" is not a number");
        assertConserved(JobOutput.totals(out));
    }

    @Test
    void quarantinesAParquetUsageRowWithoutSubAccount() throws IOException {
        SyntheticMonth month = SyntheticMonth.generate(SEED + 3, 40);
        List<FocusRecord> rows = new ArrayList<>(month.records);
        FocusRecord good = rows.stream()
                .filter(row -> row.chargeCategory().equals("Usage"))
                .findFirst()
                .orElseThrow();
        rows.add(3, withSubAccount(good, null));
        Path parquet = writeParquet(rows, work.resolve("focus-parquet"));
        Path emissions = month.writeEmissionsCsv(work.resolve("emissions.csv"));
        Path out = work.resolve("out");

        JobReport report = SparkAllocationJob.run(spark, arguments(
                parquet.toString(), "parquet", emissions, "list-cost", out));

        assertThat(report.count("lines_quarantined")).isEqualTo(1);
        CSVRecord problem = JobOutput.quarantine(out).get(0);
        assertThat(problem.get("source")).isEqualTo(parquet.getFileName().toString());
        assertThat(problem.get("row")).isEqualTo("3");
        assertThat(problem.get("column")).isEqualTo("SubAccountId");
        assertConserved(JobOutput.totals(out));
    }

    @Test
    void refusesAnOutputDirectoryThatHoldsFiles() throws IOException {
        Path out = Files.createDirectories(work.resolve("out"));
        Files.writeString(out.resolve("allocations.csv"), "from an earlier run\n");
        Path emissions = SyntheticMonth.generate(SEED, 10).writeEmissionsCsv(work.resolve("e.csv"));

        assertThatThrownBy(() -> SparkAllocationJob.run(spark, arguments(
                        work.toString(), "csv", emissions, "list-cost", out)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds files");
        assertThat(Files.readString(out.resolve("allocations.csv"))).isEqualTo("from an earlier run\n");
    }

    private static JobArguments arguments(String focus, String format, Path emissions,
            String metric, Path out) {
        return JobArguments.parse("--focus", focus, "--format", format, "--emissions",
                emissions.toString(), "--month", SyntheticMonth.MONTH.toString(), "--metric",
                metric, "--out", out.toString());
    }

    /** Row for row, per consumer and scope, per bucket, and conserved; all exact. */
    private static void assertSameAllocation(Path out, AllocationResult expected)
            throws IOException {
        Map<String, List<BigDecimal>> actualRows = JobOutput.allocations(out);
        Map<String, List<BigDecimal>> expectedRows = JobOutput.allocations(expected);
        assertThat(actualRows.keySet()).containsExactlyElementsOf(expectedRows.keySet());
        assertSameAmounts(actualRows, expectedRows);
        assertSameAmounts(JobOutput.byConsumer(actualRows), JobOutput.byConsumer(expectedRows));
        assertSameAmounts(JobOutput.totals(out), JobOutput.totals(expected));
        assertConserved(JobOutput.totals(out));
        assertThat(expectedRows.keySet())
                .as("the generated month exercises every path of the engine")
                .anyMatch(key -> key.contains("shared-split"))
                .anyMatch(key -> key.contains("shared-without-projects") || key.contains("bucket,unallocated"))
                .anyMatch(key -> key.contains("scope-combined"))
                .anyMatch(key -> key.contains("scope2-location-from-market"))
                .anyMatch(key -> key.contains("zero-usage"))
                .anyMatch(key -> key.contains("metric-fallback-effective-cost") || key.contains("no-usage-metric"))
                .anyMatch(key -> key.contains("unknown-stage"))
                .anyMatch(key -> key.startsWith("bucket,unmatched"));
    }

    private static void assertSameAmounts(Map<String, List<BigDecimal>> actual,
            Map<String, List<BigDecimal>> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, amounts) -> {
            for (int i = 0; i < amounts.size(); i++) {
                assertThat(actual.get(key).get(i))
                        .as("%s, amount %d", key, i)
                        .isEqualByComparingTo(amounts.get(i));
            }
        });
    }

    private static void assertConserved(Map<String, List<BigDecimal>> totals) {
        List<BigDecimal> allocated = JobOutput.plus(JobOutput.plus(totals.get("projects"),
                totals.get("unallocated")), totals.get("unmatched"));
        for (int i = 0; i < allocated.size(); i++) {
            assertThat(allocated.get(i)).as("component %d", i)
                    .isEqualByComparingTo(totals.get("input").get(i));
        }
        assertThat(totals.get("input").get(0)).isPositive();
    }

    /** The counts in summary.csv against what the generator put in the files. */
    private static void assertCountsOf(SyntheticMonth month, Path out, JobReport report)
            throws IOException {
        long notUsage = month.records.stream()
                .filter(row -> !row.chargeCategory().equals("Usage"))
                .count();
        long otherMonth = month.records.stream()
                .filter(row -> row.chargeCategory().equals("Usage"))
                .filter(row -> !row.chargePeriodStart().toString().startsWith("2026-03"))
                .count();
        Map<String, String> summary = JobOutput.summary(out);
        assertThat(summary).containsEntry("focus_rows_read", String.valueOf(month.records.size()))
                .containsEntry("lines_not_usage", String.valueOf(notUsage))
                .containsEntry("lines_other_month", String.valueOf(otherMonth))
                .containsEntry("usage_lines",
                        String.valueOf(month.records.size() - notUsage - otherMonth))
                .containsEntry("lines_quarantined", "0")
                .containsEntry("cells", String.valueOf(month.cells.size() - 1))
                .containsEntry("cells_other_month", "1");
        assertThat(report.count("cells_unmatched")).isGreaterThanOrEqualTo(3);
        assertThat(notUsage).isPositive();
        assertThat(otherMonth).isPositive();
    }

    /** Writes the rows as one Parquet file with typed FOCUS columns, in order, with Spark. */
    private static Path writeParquet(List<FocusRecord> records, Path directory) throws IOException {
        StructType schema = new StructType()
                .add("ProviderName", DataTypes.StringType)
                .add("BillingAccountId", DataTypes.StringType)
                .add("SubAccountId", DataTypes.StringType)
                .add("ChargePeriodStart", DataTypes.TimestampType)
                .add("ChargePeriodEnd", DataTypes.TimestampType)
                .add("ChargeCategory", DataTypes.StringType)
                .add("RegionId", DataTypes.StringType)
                .add("ServiceName", DataTypes.StringType)
                .add("ResourceId", DataTypes.StringType)
                .add("ListCost", MONEY)
                .add("EffectiveCost", MONEY)
                .add("BilledCost", MONEY)
                .add("BillingCurrency", DataTypes.StringType)
                .add("ConsumedQuantity", MONEY)
                .add("Tags", DataTypes.StringType);
        List<Row> rows = records.stream()
                .map(record -> RowFactory.create(record.providerName(), record.billingAccountId(),
                        record.subAccountId(), Timestamp.from(record.chargePeriodStart()),
                        Timestamp.from(record.chargePeriodEnd()), record.chargeCategory(),
                        record.regionId(), record.serviceName(), record.resourceId(),
                        decimal(record.listCost()), decimal(record.effectiveCost()),
                        decimal(record.effectiveCost()), "USD", decimal(record.consumedQuantity()),
                        record.tagsJson()))
                .toList();
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(directory.toString());
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static FocusRecord withListCost(FocusRecord row, String listCost) {
        return new FocusRecord(row.providerName(), row.billingAccountId(), row.subAccountId(),
                row.chargePeriodStart(), row.chargePeriodEnd(), row.chargeCategory(),
                row.regionId(), row.serviceName(), row.resourceId(), listCost,
                row.effectiveCost(), row.consumedQuantity(), row.tagsJson());
    }

    private static FocusRecord withTags(FocusRecord row, String tagsJson) {
        return new FocusRecord(row.providerName(), row.billingAccountId(), row.subAccountId(),
                row.chargePeriodStart(), row.chargePeriodEnd(), row.chargeCategory(),
                row.regionId(), row.serviceName(), row.resourceId(), row.listCost(),
                row.effectiveCost(), row.consumedQuantity(), tagsJson);
    }

    private static FocusRecord withSubAccount(FocusRecord row, String subAccountId) {
        return new FocusRecord(row.providerName(), row.billingAccountId(), subAccountId,
                row.chargePeriodStart(), row.chargePeriodEnd(), row.chargeCategory(),
                row.regionId(), row.serviceName(), row.resourceId(), row.listCost(),
                row.effectiveCost(), row.consumedQuantity(), row.tagsJson());
    }
}
