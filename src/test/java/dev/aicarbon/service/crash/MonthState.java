package dev.aicarbon.service.crash;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one database holds for the month after its closes, read with plain JDBC so that no
 * code of the service stands between a close and what is checked.
 *
 * @param publishedRunIds ids of the month's allocation runs with status current or stale
 * @param currentRunIds   ids of those with status current
 * @param totalsKgCo2e    the published run's totals: part (input, projects, a bucket) to
 *                        column ({@code scope1_kgco2e}...) to kg CO2e; empty when none is published
 * @param byProjectKgCo2e the published run's rows summed per project (or bucket, for rows
 *                        without one), in the same columns
 * @param imports         committed imports, FOCUS and emissions
 * @param usageLines      stored usage lines, superseded or not
 * @param currentUsageLines usage lines not superseded by a restatement
 * @param closeStatuses   the month's close records, oldest first
 */
record MonthState(List<Long> publishedRunIds, List<Long> currentRunIds,
        Map<String, Map<String, BigDecimal>> totalsKgCo2e, Map<String, Map<String, BigDecimal>> byProjectKgCo2e,
        long imports, long usageLines, long currentUsageLines, long emissionsCells, long quarantinedRows,
        List<String> closeStatuses) {

    static final List<String> AMOUNT_COLUMNS = List.of("scope1_kgco2e", "scope2_location_kgco2e",
            "scope2_market_kgco2e", "scope3_kgco2e", "combined_location_kgco2e", "combined_market_kgco2e");

    private static final String PUBLISHED = "from allocation_run r where r.month = ?"
            + " and r.status in ('current', 'stale')";

    private static final String CURRENT = "from allocation_run r where r.month = ? and r.status = 'current'";

    static MonthState read(String jdbcUrl) throws SQLException {
        String month = CrashMonth.MONTH.toString();
        String totals = "select t.part, " + String.join(", ", AMOUNT_COLUMNS)
                + " from allocation_run_total t where t.run_id in (select r.id " + CURRENT + ")";
        String byProject = "select coalesce(w.project, w.bucket), " + sums()
                + " from allocation_row w where w.run_id in (select r.id " + CURRENT + ") group by 1";
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            return new MonthState(
                    longs(db, "select r.id " + PUBLISHED, month),
                    longs(db, "select r.id " + CURRENT, month),
                    amounts(db, totals, month),
                    amounts(db, byProject, month),
                    count(db, "select count(*) from import_batch"),
                    count(db, "select count(*) from usage_line where billing_month = ?", month),
                    count(db, "select count(*) from usage_line where billing_month = ?"
                            + " and superseded_by is null", month),
                    count(db, "select count(*) from emissions_cell where month = ?"
                            + " and superseded_by is null", month),
                    count(db, "select count(*) from quarantined_row"),
                    strings(db, "select status from close_run where month = ? order by id", month));
        }
    }

    /**
     * Creates {@code name} on the server {@code serverUrl} points at and answers its URL.
     * The URL is the embedded server's form, {@code jdbc:postgresql://host:port/db?user=u}.
     */
    static String createDatabase(String serverUrl, String name) throws SQLException {
        try (Connection db = DriverManager.getConnection(serverUrl);
                PreparedStatement create = db.prepareStatement("create database " + name)) {
            create.execute();
        }
        return serverUrl.replaceFirst("/[^/?]+\\?", "/" + name + "?");
    }

    /**
     * Waits until no other session is connected to the database: the server has noticed that a
     * killed close's connections are gone and released its session lock.
     *
     * @return how long that took
     */
    static Duration awaitNoOtherSessions(String jdbcUrl, Duration timeout)
            throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            while (count(db, "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and pid <> pg_backend_pid()") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a killed close's sessions are still open after "
                            + timeout);
                }
                Thread.sleep(50);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Rows of a key in the first column and {@link #AMOUNT_COLUMNS} in the next ones. */
    private static Map<String, Map<String, BigDecimal>> amounts(Connection db, String sql, String month)
            throws SQLException {
        Map<String, Map<String, BigDecimal>> byKey = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, month);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
                    for (int i = 0; i < AMOUNT_COLUMNS.size(); i++) {
                        amounts.put(AMOUNT_COLUMNS.get(i), rows.getBigDecimal(i + 2));
                    }
                    byKey.put(rows.getString(1), amounts);
                }
            }
        }
        return byKey;
    }

    private static String sums() {
        return String.join(", ", AMOUNT_COLUMNS.stream().map(column -> "sum(" + column + ")").toList());
    }

    private static long count(Connection db, String sql, String... parameters) throws SQLException {
        return longs(db, sql, parameters).get(0);
    }

    private static List<Long> longs(Connection db, String sql, String... parameters) throws SQLException {
        return strings(db, sql, parameters).stream().map(Long::valueOf).toList();
    }

    private static List<String> strings(Connection db, String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
