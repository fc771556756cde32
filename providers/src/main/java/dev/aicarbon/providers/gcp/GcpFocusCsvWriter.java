package dev.aicarbon.providers.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the usage query's rows as a FOCUS CSV that {@code FocusCsvReader} reads, columns
 * {@link GcpUsageQueries#FOCUS_COLUMNS}. Values are written as BigQuery returned them, text
 * for text and decimals as their exact digits; NULL is an empty cell.
 *
 * <p>{@code Tags} becomes a JSON object of keys to values. The query hands it over as JSON
 * text: an object stays as it is; an array of {@code {"key": ..., "value": ...}} entries (the
 * detailed export's {@code labels}, or a FOCUS view that lists resource and project labels)
 * becomes an object, keeping the first value of a key that comes twice, which in such views
 * is the resource's own label rather than the inherited project label. Not thread-safe.
 */
final class GcpFocusCsvWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAGS = "Tags";

    private final CSVPrinter printer;
    private int linesWritten;

    GcpFocusCsvWriter(Writer out) {
        try {
            this.printer = CSVFormat.RFC4180.builder()
                    .setRecordSeparator('\n')
                    .get()
                    .print(out);
            printer.printRecord(GcpUsageQueries.FOCUS_COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the FOCUS CSV", e);
        }
    }

    void write(FieldValueList row) {
        List<String> cells = new ArrayList<>(GcpUsageQueries.FOCUS_COLUMNS.size());
        for (String column : GcpUsageQueries.FOCUS_COLUMNS) {
            String text = text(row.get(column));
            cells.add(column.equals(TAGS) ? tagsObject(text) : text);
        }
        try {
            printer.printRecord(cells);
            linesWritten++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the FOCUS CSV", e);
        }
    }

    int linesWritten() {
        return linesWritten;
    }

    /**
     * The tags as a JSON object's text; null for no tags. Text that is neither an object nor
     * an array of key-value entries is kept as it is, for the import to quarantine the line.
     */
    static String tagsObject(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return json;
        }
        if (node.isNull() || (node.isArray() && node.isEmpty())) {
            return null;
        }
        if (node.isObject() || !node.isArray()) {
            return node.isObject() ? node.toString() : json;
        }
        return keyValueEntries(node, json);
    }

    private static String keyValueEntries(JsonNode array, String json) {
        ObjectNode tags = JSON.createObjectNode();
        for (JsonNode entry : array) {
            if (!entry.isObject() || !entry.hasNonNull("key")) {
                return json;
            }
            String key = entry.get("key").asText();
            if (!tags.has(key)) {
                tags.set(key, entry.has("value") ? entry.get("value") : JSON.nullNode());
            }
        }
        return tags.toString();
    }

    private static String text(FieldValue value) {
        return value.isNull() ? null : value.getStringValue();
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the FOCUS CSV", e);
        }
    }
}
