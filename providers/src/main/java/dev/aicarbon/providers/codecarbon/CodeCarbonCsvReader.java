package dev.aicarbon.providers.codecarbon;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvHeader;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads the {@code emissions.csv} that CodeCarbon's tracker writes, row by row, into
 * {@link CodeCarbonRun}s.
 *
 * <p>CodeCarbon names its own columns, and the set grew over its versions: 2.2.2 and earlier
 * lack {@code experiment_id} and {@code pue}; later 2.x versions add both; the 3.x line adds
 * utilisation and water columns, which are ignored here like any other extra column. Only
 * {@code timestamp, duration, emissions, energy_consumed} are required, in any order and
 * case; a file lacking any of them is refused, naming all that are missing, before a row is
 * read. The task files CodeCarbon writes beside it ({@code emissions_<experiment>_<run>.csv})
 * carry the same columns and read the same way.
 *
 * <p><b>Time zone.</b> CodeCarbon writes {@code timestamp} as {@code 2024-05-14T10:23:45},
 * the local time of the machine the run was on, without a zone. Such a timestamp is taken to
 * be in the zone given to the constructor, UTC by default, which is right for cloud machines
 * left at their default clock; a file from a machine set to another zone needs that zone
 * given, or its instants are off by the zone's offset. In a zone with daylight saving, an
 * hour that happens twice is read as its first occurrence. A timestamp with an offset
 * ({@code Z}, {@code +02:00}) is taken as written.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code timestamp} is empty or not a date and time as above; {@code duration},
 * {@code emissions} or {@code energy_consumed} is empty; any number it has is not a number or
 * is negative; {@code gpu_count} is not a whole number; or {@code pue} is below 1.
 *
 * <p>Stateless and thread-safe.
 */
public final class CodeCarbonCsvReader {

    static final String TIMESTAMP = "timestamp";
    static final String PROJECT_NAME = "project_name";
    static final String RUN_ID = "run_id";
    static final String EXPERIMENT_ID = "experiment_id";
    static final String DURATION = "duration";
    static final String EMISSIONS = "emissions";
    static final String ENERGY_CONSUMED = "energy_consumed";
    static final String CPU_ENERGY = "cpu_energy";
    static final String GPU_ENERGY = "gpu_energy";
    static final String RAM_ENERGY = "ram_energy";
    static final String COUNTRY_ISO_CODE = "country_iso_code";
    static final String REGION = "region";
    static final String CLOUD_PROVIDER = "cloud_provider";
    static final String CLOUD_REGION = "cloud_region";
    static final String GPU_COUNT = "gpu_count";
    static final String GPU_MODEL = "gpu_model";
    static final String PUE = "pue";

    static final List<String> REQUIRED_COLUMNS = List.of(
            TIMESTAMP, DURATION, EMISSIONS, ENERGY_CONSUMED);
    private static final List<String> OPTIONAL_COLUMNS = List.of(
            PROJECT_NAME, RUN_ID, EXPERIMENT_ID, CPU_ENERGY, GPU_ENERGY, RAM_ENERGY,
            COUNTRY_ISO_CODE, REGION, CLOUD_PROVIDER, CLOUD_REGION, GPU_COUNT, GPU_MODEL, PUE);
    private static final List<String> KNOWN_COLUMNS = Stream.of(
                    REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
            .flatMap(List::stream)
            .toList();

    private static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zoneOfLocalTimestamps;

    /** A reader that takes timestamps without a zone to be UTC. */
    public CodeCarbonCsvReader() {
        this(ZoneOffset.UTC);
    }

    /**
     * A reader for files from machines whose clock is set to {@code zoneOfLocalTimestamps}.
     *
     * @param zoneOfLocalTimestamps the zone of timestamps written without one; not null
     */
    public CodeCarbonCsvReader(ZoneId zoneOfLocalTimestamps) {
        this.zoneOfLocalTimestamps = Objects.requireNonNull(
                zoneOfLocalTimestamps, "zoneOfLocalTimestamps");
    }

    /**
     * Reads the file and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, or lacks required columns (all of them are named);
     *                            part way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<CodeCarbonRun> sink) {
        CsvSource csv = CsvSource.open(in, source, KNOWN_COLUMNS);
        refuseMissingColumns(csv.header(), source);

        return csv.readRows(this::toRun, sink);
    }

    private static void refuseMissingColumns(CsvHeader header, String source) {
        List<String> missing = header.missing(REQUIRED_COLUMNS);
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source, "not a CodeCarbon emissions file: missing"
                    + " columns " + String.join(", ", missing));
        }
    }

    private CodeCarbonRun toRun(CsvRow row) {
        Instant timestamp = timestamp(row);
        BigDecimal duration = row.nonNegativeDecimal(DURATION, "expected seconds");
        BigDecimal emissions = row.nonNegativeDecimal(EMISSIONS, "expected kg CO2e");
        BigDecimal energy = row.nonNegativeDecimal(ENERGY_CONSUMED, "expected kWh");

        return new CodeCarbonRun(row.number(), timestamp,
                row.text(PROJECT_NAME), row.text(RUN_ID), row.text(EXPERIMENT_ID),
                duration, emissions, energy,
                optionalNonNegative(row, CPU_ENERGY),
                optionalNonNegative(row, GPU_ENERGY),
                optionalNonNegative(row, RAM_ENERGY),
                row.text(COUNTRY_ISO_CODE), row.text(REGION),
                row.text(CLOUD_PROVIDER), row.text(CLOUD_REGION),
                gpuCount(row), row.text(GPU_MODEL), pue(row));
    }

    private Instant timestamp(CsvRow row) {
        String text = row.requiredText(TIMESTAMP, "expected when the run was measured");
        try {
            TemporalAccessor parsed = TIMESTAMP_FORMAT.parseBest(
                    text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.toInstant();
            }
            return ((LocalDateTime) parsed).atZone(zoneOfLocalTimestamps).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(TIMESTAMP, TIMESTAMP + " " + CsvRow.quote(text)
                    + " is not a date and time in the form YYYY-MM-DDTHH:MM:SS");
        }
    }

    private static BigDecimal optionalNonNegative(CsvRow row, String column) {
        BigDecimal value = row.decimal(column);
        if (value != null && value.signum() < 0) {
            throw new RowRejectedException(column, column + " " + CsvRow.quote(row.text(column))
                    + " is negative; it must be zero or more");
        }
        return value;
    }

    /** The GPU count; CodeCarbon keeps it as a float, so {@code 4.0} is read as 4. */
    private static Integer gpuCount(CsvRow row) {
        BigDecimal count = optionalNonNegative(row, GPU_COUNT);
        if (count == null) {
            return null;
        }
        try {
            return count.intValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejectedException(GPU_COUNT, GPU_COUNT + " "
                    + CsvRow.quote(row.text(GPU_COUNT)) + " is not a whole number of GPUs");
        }
    }

    private static BigDecimal pue(CsvRow row) {
        BigDecimal pue = row.decimal(PUE);
        if (pue != null && pue.compareTo(BigDecimal.ONE) < 0) {
            throw new RowRejectedException(PUE, PUE + " " + CsvRow.quote(row.text(PUE))
                    + " is below 1; a data centre cannot use less energy than its IT load");
        }
        return pue;
    }
}
