package dev.aicarbon.providers.aws;

import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.sync.ProviderException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the files of an AWS "FOCUS 1.0/1.2 with AWS columns" export (Parquet, or CSV plain or
 * gzip) into one FOCUS CSV that {@link FocusCsvReader} reads, with DuckDB in memory.
 *
 * <p>Only the columns the reader uses are written, under their FOCUS names. Timestamps become
 * ISO 8601 instants in UTC ({@code 2026-11-01T00:00:00.000Z}); the Parquet {@code Tags} map
 * becomes a JSON object string; numbers are written as DuckDB prints them, which for doubles
 * is the shortest text that reads back to the same double. A file set that lacks a required
 * FOCUS column (a CUR 2.0 export, say) is refused: converting CUR 2.0 is not done here.
 */
final class AwsFocusCsvConverter {

    private static final String FOCUS_1_0_REGION = "Region";

    /**
     * Writes {@code out} from {@code files}, all of one format, and returns the rows written.
     *
     * @throws ProviderException FORMAT when the files are not a FOCUS export
     */
    long convert(List<Path> files, Path out, String source) {
        String table = table(files);
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckDb.createStatement()) {
            Map<String, Column> columns = describe(statement, table);
            String select = selectList(columns, source);
            long rows = count(statement, table);
            statement.execute("COPY (SELECT " + select + " FROM " + table + ") TO "
                    + AwsCarbonExportReader.sqlString(out.toAbsolutePath().toString())
                    + " (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')");
            return rows;
        } catch (SQLException e) {
            throw new ProviderException(ProviderException.Reason.FORMAT, source
                    + ": the FOCUS export cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String table(List<Path> files) {
        String list = files.stream()
                .map(file -> AwsCarbonExportReader.sqlString(file.toAbsolutePath().toString()))
                .collect(Collectors.joining(", ", "[", "]"));
        boolean parquet = files.get(0).getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".parquet");
        return parquet
                ? "read_parquet(" + list + ", union_by_name = true)"
                : "read_csv(" + list + ", union_by_name = true, all_varchar = true, header = true)";
    }

    /** The columns by lower-cased name: the name as written and its DuckDB type. */
    private static Map<String, Column> describe(Statement statement, String table)
            throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + table)) {
            while (rows.next()) {
                String name = rows.getString("column_name");
                columns.put(name.toLowerCase(Locale.ROOT), new Column(name,
                        rows.getString("column_type").toUpperCase(Locale.ROOT)));
            }
        }
        return columns;
    }

    private static String selectList(Map<String, Column> columns, String source) {
        List<String> missing = FocusCsvReader.REQUIRED_COLUMNS.stream()
                .filter(name -> !columns.containsKey(name.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.FORMAT, source + ": not a FOCUS"
                    + " export (missing " + String.join(", ", missing) + "); export FOCUS 1.0 or"
                    + " 1.2 with AWS columns, CUR 2.0 is not converted", null);
        }

        List<String> select = new ArrayList<>();
        Stream.concat(FocusCsvReader.REQUIRED_COLUMNS.stream(),
                        FocusCsvReader.OPTIONAL_COLUMNS.stream())
                .forEach(name -> {
                    Column column = columns.get(name.toLowerCase(Locale.ROOT));
                    if (column == null && name.equals("RegionId")) {
                        column = columns.get(FOCUS_1_0_REGION.toLowerCase(Locale.ROOT));
                    }
                    if (column != null) {
                        select.add(expression(column) + " AS " + quoted(name));
                    }
                });
        return String.join(", ", select);
    }

    private static String expression(Column column) {
        String name = quoted(column.name());
        if (column.type().startsWith("MAP")) {
            return "CAST(to_json(" + name + ") AS VARCHAR)";
        }
        if (column.type().startsWith("TIMESTAMP")) {
            return "strftime(CAST(" + name + " AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')";
        }
        return name;
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private record Column(String name, String type) {
    }
}
