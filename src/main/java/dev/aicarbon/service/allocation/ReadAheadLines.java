package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.allocation.MonthUsageCursor.Account;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A month's usage lines read by account on connections and threads of their own, in the
 * allocating transaction's snapshot, while that transaction allocates and writes its rows on
 * its own connection.
 *
 * <p>Why: read through the transaction's connection, the database, the engine and the COPY of
 * results took turns (a cursor fetch waits for the engine, the engine for the fetch), and
 * reading was most of an allocation: at ten million lines the engine was busy 4.5 s of 43 s
 * and waited for lines the rest. Here {@value #READERS} readers each take the next account,
 * read all its lines and hand them over whole, so two database backends produce lines while
 * the engine allocates and a third stores the rows.
 *
 * <p>Same lines: the readers' transactions import the snapshot the allocating one exported
 * ({@code pg_export_snapshot}, {@code SET TRANSACTION SNAPSHOT}), list the accounts and read
 * each with the same conditions as {@link MonthUsageCursor#forEach}. Accounts arrive in the
 * order their reading ends, not in account order; nothing in the allocation depends on that
 * order (see {@link AccountGroupAllocation}). An imported snapshot does not see what the
 * exporting transaction wrote itself, so this is only used when it had written nothing before
 * the allocation began ({@link #canReadAside}); a caller that imports and allocates in one
 * transaction reads through its own connection, as before.
 *
 * <p>Heap: at most {@value #ACCOUNTS_HELD} accounts' lines at once, those being read and
 * those waiting for or in the engine. Not thread-safe; one per run, used by one thread.
 */
final class ReadAheadLines implements AutoCloseable {

    private static final int READERS = 2;
    private static final int ACCOUNTS_HELD = READERS + 1;
    private static final long POLL_MILLIS = 100;

    private final YearMonth month;
    private final DataSource dataSource;
    private final String snapshot;
    private final Queue<Account> unread = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<List<UsageLine>> read = new LinkedBlockingQueue<>();
    private final Semaphore held = new Semaphore(ACCOUNTS_HELD);
    private final AtomicInteger readersRunning = new AtomicInteger();
    private final List<Thread> readers = new ArrayList<>();
    private final CountDownLatch listed = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile Throwable failure;

    private ReadAheadLines(DataSource dataSource, String snapshot, YearMonth month) {
        this.dataSource = dataSource;
        this.snapshot = snapshot;
        this.month = month;
    }

    /**
     * Whether the transaction on {@code connection} has written nothing yet, so that a
     * snapshot it exports shows every line it can see itself.
     */
    static boolean canReadAside(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_current_xact_id_if_assigned()")) {
            row.next();
            return row.getObject(1) == null;
        }
    }

    /**
     * Exports the snapshot of the transaction on {@code transaction} and starts the readers,
     * the first of which lists the month's accounts in it.
     */
    static ReadAheadLines start(Connection transaction, DataSource dataSource, YearMonth month)
            throws SQLException {
        return startInSnapshot(dataSource, exportSnapshot(transaction), month);
    }

    /** Starts the readers in an exported snapshot. */
    static ReadAheadLines startInSnapshot(DataSource dataSource, String snapshot, YearMonth month) {
        ReadAheadLines lines = new ReadAheadLines(dataSource, snapshot, month);
        lines.startReaders();
        return lines;
    }

    /**
     * Hands each account's lines to {@code account}, one account at a time, until every
     * account was read; the next account is read while this one is allocated.
     *
     * @throws SQLException when a reader failed; the accounts handed over before stand
     */
    void forEachAccount(Consumer<List<UsageLine>> account) throws SQLException {
        List<UsageLine> lines;
        while ((lines = next()) != null) {
            account.accept(lines);
            held.release();
        }
    }

    /** Stops the readers, if they still run, and waits for them to end their transactions. */
    @Override
    public void close() {
        cancelled = true;
        unread.clear();
        read.clear();
        held.release(READERS);
        for (Thread reader : readers) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String exportSnapshot(Connection transaction) throws SQLException {
        try (Statement statement = transaction.createStatement();
                ResultSet row = statement.executeQuery("select pg_export_snapshot()")) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * The first reader lists the accounts in the snapshot before any reader takes one. The
     * readers open their connections on their own threads: on this one the pool would hand
     * back the allocating transaction's connection.
     */
    private void startReaders() {
        readersRunning.set(READERS);
        for (int i = 0; i < READERS; i++) {
            boolean lists = i == 0;
            Thread reader = new Thread(() -> read(lists), "usage-lines-" + month + "-" + (i + 1));
            reader.setDaemon(true);
            readers.add(reader);
            reader.start();
        }
    }

    /** The next account's lines, or null once every reader is done. */
    private List<UsageLine> next() throws SQLException {
        try {
            while (true) {
                List<UsageLine> lines = read.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (lines != null) {
                    return lines;
                }
                if (failure != null) {
                    throw rethrown(failure);
                }
                if (readersRunning.get() == 0 && read.isEmpty()) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading usage lines", e);
        }
    }

    /** A reader thread: one read-only transaction in the exported snapshot. */
    private void read(boolean listsAccounts) {
        Connection connection = null;
        try {
            connection = openInSnapshot();
            MonthUsageCursor cursor = new MonthUsageCursor(connection, month);
            if (listsAccounts) {
                unread.addAll(cursor.accounts());
                listed.countDown();
            } else {
                awaitListed();
            }
            Account account;
            while (acquire() && (account = unread.poll()) != null) {
                List<UsageLine> lines = new ArrayList<>();
                cursor.forEachOf(account, lines::add);
                read.add(lines);
            }
        } catch (Throwable e) {
            if (!cancelled) {
                failure = e;
            }
        } finally {
            if (listsAccounts) {
                listed.countDown();
            }
            if (connection != null) {
                closeQuietly(connection);
            }
            held.release();
            readersRunning.decrementAndGet();
        }
    }

    private void awaitListed() throws InterruptedException {
        while (!listed.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (cancelled) {
                return;
            }
        }
    }

    /** Waits for room for one more account; false once the allocation stopped. */
    private boolean acquire() throws InterruptedException {
        while (!held.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (cancelled) {
                return false;
            }
        }
        return !cancelled;
    }

    private Connection openInSnapshot() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction snapshot '" + snapshot + "'");
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Ends the read-only transaction and gives the connection back as the pool lent it. */
    private static void closeQuietly(Connection connection) {
        try (connection) {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // Nothing was written; the pool discards a connection it cannot reset.
        }
    }

    private static SQLException rethrown(Throwable failure) {
        if (failure instanceof SQLException e) {
            return new SQLException("reading the month's usage lines failed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("reading the month's usage lines failed", failure);
    }
}
