package dev.aicarbon.service.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.postgresql.copy.CopyManager;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN} in text format,
 * on the connection of the current transaction (see {@link NativeSql#copyManager()}).
 *
 * <p>Rows are buffered and sent in chunks of about {@value #CHUNK_CHARS} characters; the COPY
 * opens with the first chunk sent and stays open until {@link #pause()} or {@link #finish()}.
 * While it is open the connection accepts nothing else: every other statement of the
 * transaction (a Hibernate flush, a sequence fetch, a cursor fetch) must wait for
 * {@link #pause()}, after which the next chunk opens a new COPY.
 *
 * <p>Values are written exactly: decimals as plain strings with their scale, text with the text
 * format's escapes ({@code \\}, {@code \t}, {@code \n}, {@code \r}), null as {@code \N}. A
 * table loaded by the million is better served by {@link BinaryCopyRows}. Not thread-safe; one
 * per table and transaction.
 */
public final class CopyRows {

    private static final int CHUNK_CHARS = 1 << 16;

    private final CopyStream stream;
    private final StringBuilder buffer = new StringBuilder(CHUNK_CHARS + 4096);
    private boolean firstInRow = true;
    private long rows;

    /**
     * @param table   table name
     * @param columns the columns every row gives, in order; others take their defaults
     */
    CopyRows(CopyManager copies, String table, String columns) {
        this.stream = new CopyStream(copies, table, "copy " + table + " (" + columns + ") from stdin");
    }

    public CopyRows text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
        } else {
            escapeInto(value);
        }
        return this;
    }

    public CopyRows decimal(BigDecimal value) {
        return raw(value == null ? null : value.toPlainString());
    }

    public CopyRows number(long value) {
        return raw(Long.toString(value));
    }

    /** Ends the row; sends the buffer once it is full. */
    public void endRow() {
        buffer.append('\n');
        firstInRow = true;
        rows++;
        if (buffer.length() >= CHUNK_CHARS) {
            send();
        }
    }

    /** Rows ended so far, over every COPY this writer opened. */
    public long rows() {
        return rows;
    }

    /**
     * Sends what is buffered and ends the open COPY, if any, so that the connection takes
     * other statements again. The server checks the rows (constraints, triggers) by then.
     *
     * @throws BulkWriteException when the server refused a row
     */
    public void pause() {
        if (!firstInRow) {
            throw new IllegalStateException("a row is half written");
        }
        if (buffer.length() > 0) {
            send();
        }
        stream.end();
    }

    /** Sends the rest; the same as {@link #pause()}, said where no row follows. */
    public void finish() {
        pause();
    }

    /**
     * Abandons an open COPY after a failure elsewhere, so the transaction can roll back on a
     * connection that accepts statements again; keeps the first failure by swallowing its own.
     */
    public void abandon() {
        buffer.setLength(0);
        firstInRow = true;
        stream.abandon();
    }

    private CopyRows raw(String value) {
        separate();
        buffer.append(value == null ? "\\N" : value);
        return this;
    }

    private void separate() {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
    }

    private void escapeInto(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void send() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        stream.write(bytes, bytes.length);
    }
}
