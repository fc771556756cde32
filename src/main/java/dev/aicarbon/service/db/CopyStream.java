package dev.aicarbon.service.db;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The server side of a bulk writer: one {@code COPY ... FROM STDIN} statement, opened by the
 * first bytes written and ended by {@link #end()}, after which the next bytes open another.
 * While one is open the connection accepts nothing else. Not thread-safe.
 */
final class CopyStream {

    private final CopyManager copies;
    private final String table;
    private final String sql;
    private CopyIn open;

    CopyStream(CopyManager copies, String table, String sql) {
        this.copies = copies;
        this.table = table;
        this.sql = sql;
    }

    boolean isOpen() {
        return open != null;
    }

    /** Sends {@code length} bytes of {@code bytes}, opening the COPY first if none is open. */
    void write(byte[] bytes, int length) {
        try {
            if (open == null) {
                open = copies.copyIn(sql);
            }
            open.writeToCopy(bytes, 0, length);
        } catch (SQLException e) {
            abandon();
            throw new BulkWriteException("COPY into " + table + " failed", e);
        }
    }

    /**
     * Ends the open COPY, if any; the server has checked every row (constraints, triggers) by
     * the time this returns.
     *
     * @throws BulkWriteException when the server refused a row
     */
    void end() {
        if (open == null) {
            return;
        }
        try {
            open.endCopy();
        } catch (SQLException e) {
            throw new BulkWriteException("COPY into " + table + " failed", e);
        } finally {
            open = null;
        }
    }

    /**
     * Cancels the open COPY after a failure elsewhere, so the transaction can roll back on a
     * connection that accepts statements again; keeps the first failure by swallowing its own.
     */
    void abandon() {
        if (open != null && open.isActive()) {
            try {
                open.cancelCopy();
            } catch (SQLException e) {
                // The transaction is rolling back for another reason, which stays the one reported.
            }
        }
        open = null;
    }
}
