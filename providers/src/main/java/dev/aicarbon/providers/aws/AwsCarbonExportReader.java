package dev.aicarbon.providers.aws;

import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Reads the AWS Data Exports {@code CARBON_EMISSIONS} table as AWS delivers it to S3 (Parquet,
 * or CSV plain or gzip-compressed, with or without a byte order mark) into canonical
 * {@link EmissionsRow}s, one per usage account, month, region and service.
 *
 * <p>AWS publishes location-based and market-based totals in metric tonnes of CO2e
 * ({@code total_lbm_emissions_value}, {@code total_mbm_emissions_value}, unit
 * {@code MTCO2e}). Each becomes kilograms exactly ({@code x 1000} in {@link BigDecimal}) in a
 * scope-combined row ({@link EmissionsRow#ofTotals}). Model v3 exports may also carry
 * {@code total_scope_*} columns; they are left unread, since the canonical split has one
 * scope 3 figure where AWS gives two, and no split is invented here.
 *
 * <p>{@code product_code} becomes the FOCUS {@code ServiceName} through {@link AwsProductCodes};
 * an unmapped code stays as the service, so the cell lands visibly in {@code unmatched}, and
 * is counted in {@link #unmappedProductCodes()}. An empty {@code product_code} or
 * {@code region_code} leaves the cell's service or region null, which covers all of them.
 *
 * <p>A row is quarantined, naming its field, when: {@code usage_account_id} is empty;
 * {@code usage_period_start} is empty, not a date, or (for a reader made with
 * {@link #forMonth}) in another month; {@code usage_period_end} runs past the month; an
 * emissions value is empty, not a number or negative; or its unit is empty or not a tonne
 * unit. Parquet rows are numbered as the CSV of the same table would be: the first is row 2.
 *
 * <p>Not thread-safe: an instance collects the model versions and unmapped codes of the files
 * it reads, for one pull.
 */
public final class AwsCarbonExportReader {

    static final String USAGE_ACCOUNT_ID = "usage_account_id";
    static final String REGION_CODE = "region_code";
    static final String PRODUCT_CODE = "product_code";
    static final String USAGE_PERIOD_START = "usage_period_start";
    static final String USAGE_PERIOD_END = "usage_period_end";
    static final String LBM_VALUE = "total_lbm_emissions_value";
    static final String LBM_UNIT = "total_lbm_emissions_unit";
    static final String MBM_VALUE = "total_mbm_emissions_value";
    static final String MBM_UNIT = "total_mbm_emissions_unit";
    static final String MODEL_VERSION = "model_version";

    /** Columns without which a file is refused. */
    public static final List<String> REQUIRED_COLUMNS = List.of(USAGE_ACCOUNT_ID, REGION_CODE,
            PRODUCT_CODE, USAGE_PERIOD_START, LBM_VALUE, LBM_UNIT, MBM_VALUE, MBM_UNIT);

    private static final List<String> KNOWN_COLUMNS = List.of(USAGE_ACCOUNT_ID, REGION_CODE,
            PRODUCT_CODE, USAGE_PERIOD_START, USAGE_PERIOD_END, LBM_VALUE, LBM_UNIT, MBM_VALUE,
            MBM_UNIT, MODEL_VERSION, "payer_account_id", "location", "last_refresh_timestamp");

    /** Tonne units of CO2e, lower-cased without blanks; AWS documents MTCO2e. */
    private static final Set<String> TONNE_UNITS = Set.of("mtco2e", "tco2e", "mtco2eq", "tco2eq");
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int DATE_LENGTH = "2026-11-01".length();

    private final YearMonth expectedMonth;
    private final AwsProductCodes productCodes;
    private final SortedSet<String> modelVersions = new TreeSet<>();
    private final SortedMap<String, Integer> unmappedProductCodes = new TreeMap<>();

    /** A reader that accepts rows of any month, for files exported by hand. */
    public AwsCarbonExportReader() {
        this(null, AwsProductCodes.bundled());
    }

    AwsCarbonExportReader(YearMonth expectedMonth, AwsProductCodes productCodes) {
        this.expectedMonth = expectedMonth;
        this.productCodes = productCodes;
    }

    /** A reader that quarantines rows of any month but {@code month}. */
    public static AwsCarbonExportReader forMonth(YearMonth month) {
        return new AwsCarbonExportReader(month, AwsProductCodes.bundled());
    }

    /**
     * Reads one export file, telling Parquet, gzip and plain CSV apart by their first bytes,
     * and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes; not closed here. Parquet is spooled to a temporary file,
     *               which DuckDB needs, and deleted afterwards
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the file is empty, not
     *                            an export, or lacks required columns (all of them named)
     */
    public ReadSummary read(InputStream in, String source, RowSink<EmissionsRow> sink) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            byte[] head = peek(buffered, PARQUET_MAGIC.length);
            if (head.length >= 2 && (head[0] & 0xff) == GZIP_MAGIC_1
                    && (head[1] & 0xff) == GZIP_MAGIC_2) {
                return readCsv(new GZIPInputStream(buffered), source, sink);
            }
            if (Arrays.equals(head, PARQUET_MAGIC)) {
                return readSpooledParquet(buffered, source, sink);
            }
            return readCsv(buffered, source, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Reads one Parquet export file with DuckDB; see {@link #read}. */
    public ReadSummary readParquet(Path file, String source, RowSink<EmissionsRow> sink) {
        String sql = "SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet("
                + sqlString(file.toAbsolutePath().toString()) + ")";
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckDb.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> columns = columnNames(rows.getMetaData());
            refuseMissingColumns(columns, source);
            return readParquetRows(rows, columns, sink);
        } catch (SQLException e) {
            throw new CsvFormatException(source, "not a readable Parquet file ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The {@code model_version}s of the rows accepted so far, in order. */
    public SortedSet<String> modelVersions() {
        return Collections.unmodifiableSortedSet(modelVersions);
    }

    /** Product codes with no FOCUS service name, with how many accepted rows had each. */
    public SortedMap<String, Integer> unmappedProductCodes() {
        return Collections.unmodifiableSortedMap(unmappedProductCodes);
    }

    private ReadSummary readCsv(InputStream in, String source, RowSink<EmissionsRow> sink) {
        CsvSource csv = CsvSource.open(in, source, KNOWN_COLUMNS);
        refuseMissingColumns(csv.header().names(), source);
        return csv.readRows(row -> toEmissionsRow(csvCells(row)), sink);
    }

    private ReadSummary readSpooledParquet(InputStream in, String source,
            RowSink<EmissionsRow> sink) throws IOException {
        Path spooled = Files.createTempFile("aws-carbon-", ".parquet");
        try {
            Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            return readParquet(spooled, source, sink);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private ReadSummary readParquetRows(ResultSet rows, List<String> columns,
            RowSink<EmissionsRow> sink) throws SQLException {
        int accepted = 0;
        int quarantined = 0;
        int number = 1;
        while (rows.next()) {
            number++;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), rows.getString(i + 1));
            }
            Cells cells = mapCells(values, number);
            try {
                sink.accept(toEmissionsRow(cells));
                accepted++;
            } catch (RowRejectedException e) {
                sink.quarantine(new RowProblem(number, e.column(), e.reason(), values));
                quarantined++;
            }
        }
        return new ReadSummary(accepted + quarantined, accepted, quarantined);
    }

    private EmissionsRow toEmissionsRow(Cells row) {
        String accountId = required(row, USAGE_ACCOUNT_ID,
                "the emissions cannot be matched to an account");
        YearMonth month = month(row);
        String region = row.text(REGION_CODE);
        BigDecimal locationKgCo2e = kilograms(row, LBM_VALUE, LBM_UNIT);
        BigDecimal marketKgCo2e = kilograms(row, MBM_VALUE, MBM_UNIT);
        String service = service(row.text(PRODUCT_CODE));

        String modelVersion = row.text(MODEL_VERSION);
        if (modelVersion != null) {
            modelVersions.add(modelVersion);
        }
        return EmissionsRow.ofTotals(row.number(), "aws", AccountIds.canonical("aws", accountId),
                month, region, service, locationKgCo2e, marketKgCo2e);
    }

    /** The month of {@code usage_period_start}; the period must not run into the next one. */
    private YearMonth month(Cells row) {
        String start = required(row, USAGE_PERIOD_START, "the emissions cannot be placed in a month");
        YearMonth month = YearMonth.from(date(USAGE_PERIOD_START, start));
        if (expectedMonth != null && !month.equals(expectedMonth)) {
            throw new RowRejectedException(USAGE_PERIOD_START, USAGE_PERIOD_START + " "
                    + CsvRow.quote(start) + " is in " + month + ", not in the month pulled, "
                    + expectedMonth);
        }

        String end = row.text(USAGE_PERIOD_END);
        if (end != null && date(USAGE_PERIOD_END, end).isAfter(month.plusMonths(1).atDay(1))) {
            throw new RowRejectedException(USAGE_PERIOD_END, USAGE_PERIOD_END + " "
                    + CsvRow.quote(end) + " runs past " + month + "; a row must cover one month");
        }
        return month;
    }

    /** The date at the start of a timestamp, whether written with a 'T', a blank or a zone. */
    private static LocalDate date(String column, String text) {
        try {
            return LocalDate.parse(text.length() > DATE_LENGTH
                    ? text.substring(0, DATE_LENGTH) : text);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column, column + " " + CsvRow.quote(text)
                    + " is not a timestamp starting with a date YYYY-MM-DD");
        }
    }

    /** The value in kilograms: tonnes times 1000, exactly. */
    private static BigDecimal kilograms(Cells row, String valueColumn, String unitColumn) {
        String text = required(row, valueColumn, "both the location-based and the market-based"
                + " totals are needed");
        BigDecimal tonnes;
        try {
            tonnes = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(valueColumn, valueColumn + " " + CsvRow.quote(text)
                    + " is not a number");
        }
        if (tonnes.signum() < 0) {
            throw new RowRejectedException(valueColumn, valueColumn + " " + CsvRow.quote(text)
                    + " is negative; emissions cannot be");
        }

        String unit = required(row, unitColumn, "the unit of " + valueColumn + " must be stated");
        String key = unit.toLowerCase(Locale.ROOT).replace("₂", "2").replaceAll("[\\s_-]", "");
        if (!TONNE_UNITS.contains(key)) {
            throw new RowRejectedException(unitColumn, unitColumn + " " + CsvRow.quote(unit)
                    + " is not metric tonnes of CO2e (MTCO2e); the amount cannot be converted");
        }
        return tonnes.movePointRight(3);
    }

    private String service(String productCode) {
        if (productCode == null) {
            return null;
        }
        return productCodes.serviceName(productCode).orElseGet(() -> {
            unmappedProductCodes.merge(productCode, 1, Integer::sum);
            return productCode;
        });
    }

    private static String required(Cells row, String column, String why) {
        String value = row.text(column);
        if (value == null) {
            throw new RowRejectedException(column, column + " is empty; " + why);
        }
        return value;
    }

    private static void refuseMissingColumns(List<String> header, String source) {
        Set<String> present = new TreeSet<>();
        header.forEach(name -> present.add(name.strip().toLowerCase(Locale.ROOT)));
        List<String> missing = REQUIRED_COLUMNS.stream()
                .filter(column -> !present.contains(column))
                .toList();
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source, "not an AWS carbon emissions export: missing"
                    + " columns " + String.join(", ", missing));
        }
    }

    private static List<String> columnNames(ResultSetMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static byte[] peek(BufferedInputStream in, int length) throws IOException {
        in.mark(length);
        byte[] head = in.readNBytes(length);
        in.reset();
        return head;
    }

    static String sqlString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** One row's cells by column name, whatever the file format. */
    private interface Cells {

        /** The trimmed text of the cell; null when empty or absent. */
        String text(String column);

        int number();
    }

    private static Cells csvCells(CsvRow row) {
        return new Cells() {
            @Override
            public String text(String column) {
                return row.text(column);
            }

            @Override
            public int number() {
                return row.number();
            }
        };
    }

    private static Cells mapCells(Map<String, String> values, int number) {
        return new Cells() {
            @Override
            public String text(String column) {
                String value = values.get(column);
                return value == null || value.isBlank() ? null : value.strip();
            }

            @Override
            public int number() {
                return number;
            }
        };
    }
}
