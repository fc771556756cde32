package dev.aicarbon.providers.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads a Google Cloud Carbon Footprint export that a user took out of BigQuery by hand, into
 * canonical {@link EmissionsRow}s (provider {@code gcp}, one per project, month, region and
 * service; see {@link CarbonFootprintRows} for how the fields map).
 *
 * <p>Three forms are read, told apart by their first bytes: CSV whose header flattens the
 * RECORD columns to dotted names ({@code project.id},
 * {@code carbon_footprint_kgCO2e.scope2.location_based}), as the console's query results
 * download writes it, with or without a byte order mark; newline-delimited JSON with nested
 * objects, as {@code bq extract --destination_format NEWLINE_DELIMITED_JSON} writes it; and
 * either of them gzip-compressed ({@code --compression GZIP}). Columns beyond the schema's
 * are ignored. CSV rows are numbered as spreadsheet rows (header is row 1); JSON rows by
 * their line, the first line being row 1.
 *
 * <p>A row is quarantined, with its first problem, when: {@code usage_month} is empty, not a
 * date or outside the month being read; {@code project.id} is empty (usage outside any
 * project, or of a deleted project); {@code service.description} is empty; one of the four
 * scope amounts is empty, not a number or negative; a JSON line is not a JSON object. Rows
 * of one cell are summed, so the sink receives one row per cell, after the whole input has
 * been read, carrying the row number of the cell's first row.
 *
 * <p>Stateless and thread-safe.
 */
public final class GcpCarbonFootprintReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> JSON_TOP_LEVEL_FIELDS =
            List.of(CarbonFootprintRows.USAGE_MONTH, "carbon_footprint_kgCO2e");
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int PEEK_LIMIT = 64;

    private final YearMonth month;

    private GcpCarbonFootprintReader(YearMonth month) {
        this.month = month;
    }

    /** A reader that quarantines rows of any month other than {@code month}. */
    public static GcpCarbonFootprintReader forMonth(YearMonth month) {
        return new GcpCarbonFootprintReader(Objects.requireNonNull(month, "month"));
    }

    /** A reader that takes rows of every month the file holds. */
    public static GcpCarbonFootprintReader allMonths() {
        return new GcpCarbonFootprintReader(null);
    }

    /**
     * Reads the export and hands its cells to {@code sink}.
     *
     * @param in     the file's bytes, not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty,
     *                            neither CSV nor JSON lines, or lacks required columns
     */
    public ReadSummary read(InputStream in, String source, RowSink<EmissionsRow> sink) {
        return readWithModelVersions(in, source, sink).summary();
    }

    /** As {@link #read}, also naming the carbon model versions of the rows used. */
    public GcpCarbonFootprintRead readWithModelVersions(
            InputStream in, String source, RowSink<EmissionsRow> sink) {
        try {
            BufferedInputStream bytes = uncompressed(in);
            CarbonFootprintCells cells = new CarbonFootprintCells();
            ReadSummary summary = startsWithJsonObject(bytes)
                    ? readJsonLines(bytes, source, cells, sink)
                    : readCsv(bytes, source, cells, sink);
            cells.emissionsRows().forEach(sink::accept);
            return new GcpCarbonFootprintRead(summary, cells.modelVersions());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private ReadSummary readCsv(InputStream in, String source, CarbonFootprintCells cells,
            RowSink<EmissionsRow> sink) {
        CsvSource csv = CsvSource.open(in, source, CarbonFootprintRows.REQUIRED_FIELDS);
        List<String> missing = csv.header().missing(CarbonFootprintRows.REQUIRED_FIELDS);
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source, "not a Google Cloud Carbon Footprint export:"
                    + " missing columns " + String.join(", ", missing));
        }

        return csv.readRows(row -> CarbonFootprintRows.parse(new CsvCarbonFootprintFields(row),
                month), new CellSink(cells, sink));
    }

    private ReadSummary readJsonLines(InputStream in, String source, CarbonFootprintCells cells,
            RowSink<EmissionsRow> sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int read = 0;
        int quarantined = 0;
        int number = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode object = jsonObject(line, number, source, read == 0);
            read++;
            if (!addJsonRow(object, number, cells, sink)) {
                quarantined++;
            }
        }
        return new ReadSummary(read, read - quarantined, quarantined);
    }

    /**
     * The line as a JSON object; null when it is not one. The first line must be one, with
     * the schema's top-level fields, or the file is refused.
     */
    private static JsonNode jsonObject(String line, int number, String source, boolean first) {
        JsonNode node;
        try {
            node = JSON.readTree(line.strip().replace("\uFEFF", ""));
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (first) {
            refuseUnlikelyFirstObject(node, source);
        }
        return node != null && node.isObject() ? node : null;
    }

    private static void refuseUnlikelyFirstObject(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new CsvFormatException(source, "line 1 is not a JSON object; expected"
                    + " newline-delimited JSON or CSV");
        }
        List<String> missing = JSON_TOP_LEVEL_FIELDS.stream().filter(f -> !node.has(f)).toList();
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source, "not a Google Cloud Carbon Footprint export:"
                    + " line 1 lacks " + String.join(", ", missing));
        }
    }

    private boolean addJsonRow(JsonNode object, int number, CarbonFootprintCells cells,
            RowSink<EmissionsRow> sink) {
        if (object == null) {
            sink.quarantine(new RowProblem(number, null, "line " + number
                    + " is not a JSON object", Map.of()));
            return false;
        }
        JsonCarbonFootprintFields fields = new JsonCarbonFootprintFields(object, number);
        try {
            cells.add(CarbonFootprintRows.parse(fields, month));
            return true;
        } catch (RowRejectedException e) {
            sink.quarantine(new RowProblem(number, e.column(), e.reason(), fields.values()));
            return false;
        }
    }

    private static BufferedInputStream uncompressed(InputStream in) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(in);
        bytes.mark(2);
        int first = bytes.read();
        int second = bytes.read();
        bytes.reset();
        if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
            return new BufferedInputStream(new GZIPInputStream(bytes));
        }
        return bytes;
    }

    /** Whether the first character after a byte order mark and blanks opens a JSON object. */
    private static boolean startsWithJsonObject(BufferedInputStream bytes) throws IOException {
        bytes.mark(PEEK_LIMIT);
        byte[] start = bytes.readNBytes(PEEK_LIMIT);
        bytes.reset();
        String text = new String(start, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return text.startsWith("{");
    }

    /** Adds usable rows to the cells and passes quarantined ones on. */
    private record CellSink(CarbonFootprintCells cells, RowSink<EmissionsRow> sink)
            implements RowSink<CarbonFootprintRow> {

        @Override
        public void accept(CarbonFootprintRow record) {
            cells.add(record);
        }

        @Override
        public void quarantine(RowProblem problem) {
            sink.quarantine(problem);
        }
    }
}
