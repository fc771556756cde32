package dev.aicarbon.providers.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file opened for reading row by row: UTF-8, comma-separated, RFC 4180 quoting, CRLF or
 * LF line ends. What the readers of this module share.
 *
 * <p>{@link #open} reads the header and refuses, with a {@link CsvFormatException}, input that
 * is empty or is not CSV at all. {@link #readRows} then hands every data row to a sink, one
 * at a time, and never holds more than one row.
 *
 * <p>Rows are numbered as records: the header is row 1 and the first data row row 2. A quoted
 * field spanning lines does not move the numbers on, and blank lines are skipped without a
 * number, so a row's number is its position among the records plus one rather than a line
 * number in a text editor.
 *
 * <p>Bytes that are not UTF-8 are read as U+FFFD: in the header they refuse the file, in a
 * cell a reader uses they quarantine the row (see {@link CsvRow#text}). A genuine U+FFFD in a
 * used cell is quarantined the same way; no known export writes one.
 *
 * <p>The input stream is read but not closed; it belongs to the caller.
 */
public final class CsvSource {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int PEEK_LIMIT = 8192;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .get();

    private final String source;
    private final CsvHeader header;
    private final Iterator<CSVRecord> records;
    private long lastRecordNumber = 1;

    private CsvSource(String source, CsvHeader header, Iterator<CSVRecord> records) {
        this.source = source;
        this.header = header;
        this.records = records;
    }

    /**
     * Opens the input and reads its header.
     *
     * @param source       the file's name, for messages
     * @param knownColumns every column name the caller reads, used to tell a one-column CSV
     *                     from a file that is not CSV, and to refuse a column given twice
     * @throws CsvFormatException when the input is empty, binary, JSON, not comma-separated,
     *                            or names one of the known columns twice
     */
    public static CsvSource open(InputStream in, String source, Collection<String> knownColumns) {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            skipByteOrderMark(reader);
            refuseNonCsvStart(reader, source);
            Iterator<CSVRecord> records = FORMAT.parse(reader).iterator();
            CsvHeader header = readHeader(records, source, knownColumns);
            refuseUnlikelyHeader(header, source, knownColumns);
            return new CsvSource(source, header, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's header. */
    public CsvHeader header() {
        return header;
    }

    /**
     * Reads every data row, hands each usable one to {@code sink.accept} and each other one
     * to {@code sink.quarantine}, and counts them. No row is dropped: rows read equals rows
     * accepted plus rows quarantined. A row whose field count differs from the header's is
     * quarantined before {@code parser} sees it; {@code parser} quarantines any other row by
     * throwing {@link RowRejectedException}.
     *
     * @throws CsvFormatException when the file stops being parseable CSV part way through,
     *                            for example a quoted field left open at the end; rows before
     *                            it have by then reached the sink
     */
    public <T> ReadSummary readRows(Function<CsvRow, T> parser, RowSink<T> sink) {
        int accepted = 0;
        int quarantined = 0;
        CsvRow row;
        while ((row = nextRow()) != null) {
            T record = parseOrQuarantine(row, parser, sink);
            if (record == null) {
                quarantined++;
            } else {
                sink.accept(record);
                accepted++;
            }
        }
        return new ReadSummary(accepted + quarantined, accepted, quarantined);
    }

    private <T> T parseOrQuarantine(CsvRow row, Function<CsvRow, T> parser, RowSink<T> sink) {
        if (!row.matchesHeaderWidth()) {
            String reason = "row has " + row.fieldCount() + " fields but the header has "
                    + header.size() + " columns";
            sink.quarantine(new RowProblem(row.number(), null, reason, row.values()));
            return null;
        }

        try {
            return parser.apply(row);
        } catch (RowRejectedException e) {
            sink.quarantine(new RowProblem(row.number(), e.column(), e.reason(), row.values()));
            return null;
        }
    }

    private CsvRow nextRow() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastRecordNumber = record.getRecordNumber();
            return new CsvRow(header, record.toList(), Math.toIntExact(lastRecordNumber));
        } catch (UncheckedIOException e) {
            throw malformed(e, "row " + (lastRecordNumber + 1), source);
        }
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
    }

    /**
     * Refuses, before any CSV parsing, input whose first non-blank line shows it is not CSV
     * text: nothing at all, JSON, or binary content.
     */
    private static void refuseNonCsvStart(Reader reader, String source) throws IOException {
        String firstLine = peekFirstLine(reader);

        if (firstLine.isEmpty()) {
            throw new CsvFormatException(source, "the file is empty; expected a header row");
        }
        if (firstLine.startsWith("{") || firstLine.startsWith("[")) {
            throw new CsvFormatException(source, "the file looks like JSON, not CSV");
        }
        if (firstLine.chars().anyMatch(CsvSource::isBinary)) {
            throw new CsvFormatException(source, "the header holds binary content or bytes that"
                    + " are not UTF-8; is the file compressed, a spreadsheet, or UTF-16?");
        }
    }

    /** The first non-blank line, stripped, without consuming it; at most a few thousand chars. */
    private static String peekFirstLine(Reader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        reader.mark(PEEK_LIMIT);
        for (int i = 0; i < PEEK_LIMIT - 1; i++) {
            int c = reader.read();
            if (c < 0 || (c == '\n' && !line.toString().isBlank())) {
                break;
            }
            line.append((char) c);
        }
        reader.reset();
        return line.toString().strip();
    }

    private static boolean isBinary(int c) {
        return c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\r' && c != '\n');
    }

    private static CsvHeader readHeader(Iterator<CSVRecord> records, String source,
            Collection<String> knownColumns) {
        try {
            if (!records.hasNext()) {
                throw new CsvFormatException(source, "the file is empty; expected a header row");
            }
            return new CsvHeader(records.next().toList(), knownColumns);
        } catch (UncheckedIOException e) {
            throw malformed(e, "the header row", source);
        }
    }

    /** A parse failure as a refusal of the file; a failure to read the stream stays as it is. */
    private static RuntimeException malformed(UncheckedIOException e, String where, String source) {
        if (!(e.getCause() instanceof CSVException)) {
            return e;
        }
        return new CsvFormatException(source, where + " is not well-formed CSV ("
                + e.getCause().getMessage() + "); check its quotes", e);
    }

    private static void refuseUnlikelyHeader(
            CsvHeader header, String source, Collection<String> knownColumns) {
        Set<String> known = knownColumns.stream().map(CsvHeader::key).collect(Collectors.toSet());
        if (header.size() == 1 && !known.contains(CsvHeader.key(header.names().get(0)))) {
            throw new CsvFormatException(source, notCommaSeparated(header.names().get(0)));
        }

        List<String> repeated = header.repeated(knownColumns);
        if (!repeated.isEmpty()) {
            throw new CsvFormatException(source, "the header names these columns more than once: "
                    + String.join(", ", repeated));
        }
    }

    private static String notCommaSeparated(String onlyColumn) {
        String hint = "";
        if (onlyColumn.indexOf(';') >= 0) {
            hint = "; it seems to be separated by semicolons";
        } else if (onlyColumn.indexOf('\t') >= 0) {
            hint = "; it seems to be separated by tabs";
        }
        return "not a comma-separated file: the header is a single unknown column "
                + CsvRow.quote(onlyColumn) + hint;
    }
}
