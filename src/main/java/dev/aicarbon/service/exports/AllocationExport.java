package dev.aicarbon.service.exports;

import dev.aicarbon.service.query.EmissionsQuery;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The published figures of a month as a flat table, streamed: one row per basis, project (or
 * bucket), workload, stage, provider, account, region, service and scope, with the
 * location-based and market-based kgCO2e side by side so that summing either column gives
 * that method's total without counting anything twice.
 *
 * <p>Rows are read from PostgreSQL through a cursor and written as they come, so an export of
 * millions of rows holds a page of them in memory, not the month. Parquet is written by DuckDB
 * from the streamed CSV, with amounts as DECIMAL(38,12): the engine's 12 decimal places, exact.
 */
@ApplicationScoped
public class AllocationExport {

    /** The columns, in order; docs/api.md describes each. */
    public static final List<String> COLUMNS = List.of("month", "basis", "project", "workload", "stage",
            "provider", "account", "region", "service", "scope", "location_based_kgco2e",
            "market_based_kgco2e", "flags", "stale");

    private static final int FETCH_SIZE = 2_000;

    private static final String ROWS = "select x.month, x.basis, x.project, x.workload, x.stage,"
            + " x.provider, x.account, x.region, x.service, v.scope, sum(v.location_kg), sum(v.market_kg),"
            + " string_agg(distinct x.flags, ','), bool_or(x.stale)"
            + " from " + EmissionsQuery.BOTH_BASES
            + " cross join lateral (values ('scope1', x.s1, x.s1), ('scope2', x.s2l, x.s2m),"
            + " ('scope3', x.s3, x.s3), ('scope-combined', x.cl, x.cm)) v(scope, location_kg, market_kg)"
            + " where x.month = ? and (cast(? as text[]) is null or x.project = any(cast(? as text[])))"
            + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
            + " having sum(v.location_kg) <> 0 or sum(v.market_kg) <> 0"
            + " order by 2, 3, 4 nulls first, 5 nulls first, 6, 7 nulls first, 8 nulls first,"
            + " 9 nulls first, 10";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Writes {@code month} as CSV to {@code out}.
     *
     * @param projects the only projects to include (a viewer's), or null for every project and bucket
     */
    public void writeCsv(YearMonth month, Set<String> projects, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection();
                CSVPrinter printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(writer)) {
            printer.printRecord(COLUMNS);
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(ROWS,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                bind(statement, connection, month, projects);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        printer.printRecord(record(rows));
                    }
                }
            } finally {
                connection.rollback();
            }
            printer.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the published rows of " + month, e);
        } catch (IOException e) {
            throw new UncheckedIOException("the export of " + month + " was cut off", e);
        }
    }

    /** Writes {@code month} as Parquet to {@code out}, by way of a spooled CSV. */
    public void writeParquet(YearMonth month, Set<String> projects, OutputStream out) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("carbon-export-");
            Path csv = directory.resolve("allocations.csv");
            Path parquet = directory.resolve("allocations.parquet");
            try (OutputStream csvOut = Files.newOutputStream(csv)) {
                writeCsv(month, projects, csvOut);
            }
            toParquet(csv, parquet);
            Files.copy(parquet, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the Parquet export of " + month + " failed", e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private static void toParquet(Path csv, Path parquet) {
        String columns = "{'month': 'VARCHAR', 'basis': 'VARCHAR', 'project': 'VARCHAR',"
                + " 'workload': 'VARCHAR', 'stage': 'VARCHAR', 'provider': 'VARCHAR', 'account': 'VARCHAR',"
                + " 'region': 'VARCHAR', 'service': 'VARCHAR', 'scope': 'VARCHAR',"
                + " 'location_based_kgco2e': 'DECIMAL(38,12)', 'market_based_kgco2e': 'DECIMAL(38,12)',"
                + " 'flags': 'VARCHAR', 'stale': 'BOOLEAN'}";
        String copy = "COPY (SELECT * FROM read_csv('" + sqlPath(csv) + "', header = true,"
                + " columns = " + columns + ")) TO '" + sqlPath(parquet) + "' (FORMAT parquet)";
        try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute(copy);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not write the Parquet export", e);
        }
    }

    private static String sqlPath(Path path) {
        return path.toAbsolutePath().toString().replace("'", "''");
    }

    private static void bind(PreparedStatement statement, Connection connection, YearMonth month,
            Set<String> projects) throws SQLException {
        statement.setString(1, month.toString());
        Array scope = projects == null ? null : connection.createArrayOf("text", projects.toArray());
        statement.setArray(2, scope);
        statement.setArray(3, scope);
    }

    private static List<Object> record(ResultSet rows) throws SQLException {
        return Arrays.asList(rows.getString(1).strip(), rows.getString(2), rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                rows.getString(8), rows.getString(9), rows.getString(10),
                plain(rows.getBigDecimal(11)), plain(rows.getBigDecimal(12)),
                flags(rows.getString(13)), rows.getBoolean(14));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    /** The union of the rows' comma-separated flags, sorted, without repeats. */
    private static String flags(String text) {
        if (text == null) {
            return "";
        }
        TreeSet<String> flags = new TreeSet<>();
        for (String flag : text.split(",")) {
            if (!flag.isBlank()) {
                flags.add(flag.strip());
            }
        }
        return String.join(",", flags);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is removed with the OS's temp files.
        }
    }
}
