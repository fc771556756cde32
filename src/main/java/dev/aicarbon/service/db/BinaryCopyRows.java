package dev.aicarbon.service.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.postgresql.copy.CopyManager;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}:
 * each value is sent in its type's binary form, which the server stores without parsing text.
 * For a table loaded by the million (usage lines) that is the server's cheaper path: its share
 * of loading a million usage lines fell from 5.3 s to 4.9 s (docs/performance.md).
 *
 * <p>Each value must be written with the method of its column's type, in the order of the
 * columns given, since the binary format carries no type: {@link #int4} for {@code integer},
 * {@link #int8} for {@code bigint}, {@link #text} for {@code text} and {@code varchar},
 * {@link #timestamptz}, {@link #numeric} and {@link #jsonb}. Values are exact: a decimal keeps
 * its digits and its scale (a negative scale becomes 0, as {@code numeric} has none), an
 * instant is stored to the microsecond, a fraction of a microsecond rounded half to even as
 * the server's own timestamp input rounds it. Null is accepted by every method.
 *
 * <p>Rows are buffered and sent in chunks of about {@value #CHUNK_BYTES} bytes; as with
 * {@link CopyRows}, the COPY stays open until {@link #pause()} or {@link #finish()}, and the
 * next row opens a new one. Not thread-safe; one per table and transaction.
 */
public final class BinaryCopyRows {

    private static final int CHUNK_BYTES = 1 << 16;
    /** The format's signature, then flags (none) and the header extension's length (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final short END_OF_DATA = -1;
    private static final int NULL_LENGTH = -1;
    private static final long MICROS_FROM_1970_TO_2000 = 946_684_800L * 1_000_000L;
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final byte JSONB_VERSION = 1;

    private final CopyStream stream;
    private final int columns;
    private byte[] buffer = new byte[CHUNK_BYTES + 4096];
    private int length;
    private boolean copyStarted;
    private int fieldsInRow;
    private long rows;

    /**
     * @param columns the columns every row gives, comma-separated, in order; others take their
     *                defaults
     */
    BinaryCopyRows(CopyManager copies, String table, String columns) {
        this.stream = new CopyStream(copies, table,
                "copy " + table + " (" + columns + ") from stdin (format binary)");
        this.columns = columns.split(",").length;
    }

    public BinaryCopyRows int4(Integer value) {
        if (startField(value)) {
            putInt(4);
            putInt(value);
        }
        return this;
    }

    public BinaryCopyRows int8(Long value) {
        if (startField(value)) {
            putInt(8);
            putLong(value);
        }
        return this;
    }

    public BinaryCopyRows text(String value) {
        if (startField(value)) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            put(utf8);
        }
        return this;
    }

    public BinaryCopyRows timestamptz(Instant value) {
        if (startField(value)) {
            putInt(8);
            putLong(microsSince2000(value));
        }
        return this;
    }

    public BinaryCopyRows numeric(BigDecimal value) {
        if (startField(value)) {
            NumericDigits digits = NumericDigits.of(value);
            putInt(8 + 2 * digits.base10000.length);
            putShort(digits.base10000.length);
            putShort(digits.weight);
            putShort(value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
            putShort(digits.displayScale);
            for (short digit : digits.base10000) {
                putShort(digit);
            }
        }
        return this;
    }

    /** A JSON document as text; the server parses it into {@code jsonb}. */
    public BinaryCopyRows jsonb(String json) {
        if (startField(json)) {
            byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length + 1);
            ensure(1);
            buffer[length++] = JSONB_VERSION;
            put(utf8);
        }
        return this;
    }

    /** Ends the row; sends the buffer once it is full. */
    public void endRow() {
        if (fieldsInRow != columns) {
            throw new IllegalStateException("a row of " + fieldsInRow + " values for " + columns + " columns");
        }
        fieldsInRow = 0;
        rows++;
        if (length >= CHUNK_BYTES) {
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
        if (fieldsInRow != 0) {
            throw new IllegalStateException("a row is half written");
        }
        if (copyStarted) {
            putShort(END_OF_DATA);
            send();
            copyStarted = false;
        }
        stream.end();
    }

    /** Sends the rest; the same as {@link #pause()}, said where no row follows. */
    public void finish() {
        pause();
    }

    /** Abandons an open COPY after a failure elsewhere; see {@link CopyStream#abandon()}. */
    public void abandon() {
        length = 0;
        fieldsInRow = 0;
        copyStarted = false;
        stream.abandon();
    }

    /**
     * The microseconds from 2000-01-01T00:00:00Z, the server's epoch; a fraction of a
     * microsecond rounded half to even.
     */
    static long microsSince2000(Instant instant) {
        long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1000);
        int nanosLeft = instant.getNano() % 1000;
        if (nanosLeft > 500 || (nanosLeft == 500 && (micros & 1) == 1)) {
            micros++;
        }
        return micros - MICROS_FROM_1970_TO_2000;
    }

    /**
     * Writes the header before the first row of a COPY and the row's field count before its
     * first value, then the value's length or null; answers whether a value follows.
     */
    private boolean startField(Object value) {
        if (fieldsInRow == 0) {
            if (!copyStarted) {
                put(HEADER);
                copyStarted = true;
            }
            putShort(columns);
        }
        fieldsInRow++;
        if (value == null) {
            putInt(NULL_LENGTH);
            return false;
        }
        return true;
    }

    private void send() {
        stream.write(buffer, length);
        length = 0;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void putShort(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    /**
     * A decimal as {@code numeric}'s binary form has it: base-10000 digits aligned on the
     * decimal point, without leading or trailing zero digits, the weight (the power of 10000 of
     * the first digit) and the display scale (the decimal's scale, 0 when negative).
     */
    record NumericDigits(short[] base10000, short weight, short displayScale) {

        static NumericDigits of(BigDecimal value) {
            BigDecimal atScale = value.scale() < 0 ? value.setScale(0) : value;
            int scale = atScale.scale();
            String digits = unsignedDigits(atScale.unscaledValue());
            int integerDigits = digits.length() - scale;
            int integerGroups = integerDigits > 0 ? (integerDigits + 3) / 4 : 0;
            int fractionGroups = (scale + 3) / 4;

            // The digits padded with zeros to whole groups on both sides of the decimal point.
            char[] aligned = new char[(integerGroups + fractionGroups) * 4];
            Arrays.fill(aligned, '0');
            int firstDigit = integerGroups * 4 - integerDigits;
            digits.getChars(0, digits.length(), aligned, firstDigit);

            int first = 0;
            int last = integerGroups + fractionGroups - 1;
            int weight = integerGroups - 1;
            while (first <= last && group(aligned, first) == 0) {
                first++;
                weight--;
            }
            while (last >= first && group(aligned, last) == 0) {
                last--;
            }
            if (first > last) {
                return new NumericDigits(new short[0], (short) 0, toShort(scale, "scale"));
            }
            short[] groups = new short[last - first + 1];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = (short) group(aligned, first + i);
            }
            return new NumericDigits(groups, toShort(weight, "weight"), toShort(scale, "scale"));
        }

        private static String unsignedDigits(BigInteger unscaled) {
            return unscaled.signum() < 0 ? unscaled.negate().toString() : unscaled.toString();
        }

        private static int group(char[] aligned, int index) {
            int at = index * 4;
            return (aligned[at] - '0') * 1000 + (aligned[at + 1] - '0') * 100
                    + (aligned[at + 2] - '0') * 10 + (aligned[at + 3] - '0');
        }

        private static short toShort(int value, String what) {
            if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                throw new IllegalArgumentException("a numeric " + what + " of " + value + " is beyond PostgreSQL's");
            }
            return (short) value;
        }
    }
}
