package dev.aicarbon.service.db;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.postgresql.PGConnection;

/**
 * Plain SQL in the current transaction, for what JPQL says badly: upserts on natural keys,
 * jsonb, aggregates over unions, advisory locks, and bulk reads and writes past the
 * persistence context (cursors, COPY). Parameters are positional, {@code ?1, ?2...}.
 */
public final class NativeSql {

    private NativeSql() {
    }

    /** Runs an update; answers the row count. */
    public static int update(String sql, Object... parameters) {
        return bind(sql, parameters).executeUpdate();
    }

    /** Every row of a query with several columns. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(String sql, Object... parameters) {
        return (List<Object[]>) bind(sql, parameters).getResultList();
    }

    /** The first column of every row, as text. */
    @SuppressWarnings("unchecked")
    public static Set<String> column(String sql, Object... parameters) {
        Set<String> values = new HashSet<>();
        for (Object value : (List<Object>) bind(sql, parameters).getResultList()) {
            values.add(value.toString());
        }
        return values;
    }

    /**
     * The one row of a query that answers exactly one: its value when it has one column, an
     * {@code Object[]} when it has several. No row, or more than one, is an error.
     */
    public static Object single(String sql, Object... parameters) {
        return bind(sql, parameters).getSingleResult();
    }

    /** The next value of {@code sequence}. */
    public static long nextval(String sequence) {
        return ((Number) single("select nextval(?1)", sequence)).longValue();
    }

    /**
     * Takes a transaction-scoped advisory lock on {@code month} within {@code namespace}: runs
     * of one kind and month wait for each other; the lock goes with the transaction.
     */
    public static void lockMonthForTransaction(long namespace, YearMonth month) {
        single("select pg_advisory_xact_lock(?1)", monthLockKey(namespace, month));
    }

    /** The advisory lock key of {@code month} within a namespace of one kind of run. */
    public static long monthLockKey(long namespace, YearMonth month) {
        return namespace + month.getYear() * 12L + month.getMonthValue();
    }

    /**
     * Runs {@code work} on the JDBC connection of the current transaction, the one Hibernate
     * uses: autocommit is off and what it writes commits or rolls back with the rest. Pending
     * entity changes are flushed first, so the work sees them and they cannot be flushed in
     * the middle of a COPY it runs.
     */
    public static <T> T onConnection(ReturningWork<T> work) {
        Panache.getEntityManager().flush();
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(work);
    }

    /**
     * A writer of rows into {@code table} by COPY on the current transaction's connection.
     *
     * @param columns comma-separated; the other columns take their defaults (ids their sequence)
     */
    public static CopyRows copyInto(String table, String columns) {
        return onConnection(connection -> copyInto(connection, table, columns));
    }

    /** A writer of rows into {@code table} by COPY on {@code connection}, a PostgreSQL one. */
    public static CopyRows copyInto(Connection connection, String table, String columns)
            throws SQLException {
        return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI(), table, columns);
    }

    /**
     * A writer of rows into {@code table} by binary COPY, on the connection of the current
     * transaction; each value written with the method of its column's type.
     */
    public static BinaryCopyRows binaryCopyInto(String table, String columns) {
        return onConnection(connection -> new BinaryCopyRows(
                connection.unwrap(PGConnection.class).getCopyAPI(), table, columns));
    }

    private static Query bind(String sql, Object... parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
