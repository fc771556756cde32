package dev.aicarbon.service.db;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain SQL in the current transaction, for what JPQL says badly: upserts on natural keys,
 * jsonb, aggregates over unions, advisory locks. Parameters are positional, {@code ?1, ?2...}.
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

    /** The next value of {@code sequence}. */
    public static long nextval(String sequence) {
        return ((Number) bind("select nextval(?1)", sequence).getSingleResult()).longValue();
    }

    /**
     * Takes a transaction-scoped advisory lock on {@code month} within {@code namespace}: runs
     * of one kind and month wait for each other; the lock goes with the transaction.
     */
    public static void lockMonthForTransaction(long namespace, YearMonth month) {
        bind("select pg_advisory_xact_lock(?1)", monthLockKey(namespace, month)).getSingleResult();
    }

    /** The advisory lock key of {@code month} within a namespace of one kind of run. */
    public static long monthLockKey(long namespace, YearMonth month) {
        return namespace + month.getYear() * 12L + month.getMonthValue();
    }

    private static Query bind(String sql, Object... parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
