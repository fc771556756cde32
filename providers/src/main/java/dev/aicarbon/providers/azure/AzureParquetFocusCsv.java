package dev.aicarbon.providers.azure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one Parquet partition of a {@code FocusCost} export into FOCUS CSV with DuckDB, in
 * memory. Columns keep their names and order. Timestamps become ISO 8601 instants in UTC
 * ({@code 2026-11-01T00:00:00Z}); a {@code MAP} or {@code STRUCT} column (Tags, where a
 * writer typed it) becomes a JSON object string; Azure's own {@code Tags} is a JSON string
 * already and passes as is. Everything else is written as DuckDB prints it.
 */
final class AzureParquetFocusCsv {

    private AzureParquetFocusCsv() {
    }

    /**
     * Writes {@code parquet} as CSV to {@code csv}, with a header.
     *
     * @throws SQLException when DuckDB cannot read the file as Parquet
     */
    static void convert(Path parquet, Path csv) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            String source = "read_parquet(" + literal(parquet) + ")";
            String columns = String.join(", ", selectList(statement, source));
            statement.execute("COPY (SELECT " + columns + " FROM " + source + ") TO "
                    + literal(csv) + " (FORMAT CSV, HEADER, DELIMITER ',')");
        }
    }

    private static List<String> selectList(Statement statement, String source)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (described.next()) {
                columns.add(column(described.getString("column_name"),
                        described.getString("column_type").toUpperCase(Locale.ROOT)));
            }
        }
        return columns;
    }

    private static String column(String name, String type) {
        String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
        if (type.startsWith("TIMESTAMP")) {
            return "strftime(CAST(" + quoted + " AS TIMESTAMP), '%Y-%m-%dT%H:%M:%SZ') AS "
                    + quoted;
        }
        if (type.startsWith("MAP") || type.startsWith("STRUCT")) {
            return "CAST(to_json(" + quoted + ") AS VARCHAR) AS " + quoted;
        }
        return quoted;
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
