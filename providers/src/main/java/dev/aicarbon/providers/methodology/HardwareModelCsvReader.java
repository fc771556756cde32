package dev.aicarbon.providers.methodology;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads hardware models' bills of materials, row by row, into {@link HardwareModelRow}s.
 *
 * <p>The header is {@code model, component, quantity}, all required, in any order and case;
 * other columns are ignored. Whether each component exists in the factor catalogue is not
 * checked here: that needs both files and is the methodology's first step.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code model} or {@code component} is empty; {@code quantity} is empty, not a
 * decimal, or not above zero; or it names the same model and component as an earlier row of
 * the file, which is kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class HardwareModelCsvReader {

    static final String MODEL = "model";
    static final String COMPONENT = "component";
    static final String QUANTITY = "quantity";

    static final List<String> COLUMNS = List.of(MODEL, COMPONENT, QUANTITY);

    /**
     * Reads the file and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, or lacks required columns (all of them are named);
     *                            part way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<HardwareModelRow> sink) {
        CsvSource csv = CsvSource.open(in, source, COLUMNS);
        MethodologyCsv.requireColumns(csv.header(), source, COLUMNS, "a hardware models file");
        FirstRows<Line> lines = new FirstRows<>("model and component");

        return csv.readRows(row -> toLine(row, lines), sink);
    }

    private static HardwareModelRow toLine(CsvRow row, FirstRows<Line> lines) {
        String model = row.requiredText(MODEL, "assets refer to it");
        String component = row.requiredText(COMPONENT, "expected a component of the catalogue");
        BigDecimal quantity = row.requiredDecimal(QUANTITY, "expected units of the component");
        if (quantity.signum() <= 0) {
            throw new RowRejectedException(QUANTITY, "quantity " + CsvRow.quote(row.text(QUANTITY))
                    + " is not above zero; leave out components the model does not have");
        }
        lines.claim(new Line(model, component), row);

        return new HardwareModelRow(row.number(), model, component, quantity);
    }

    private record Line(String model, String component) {
    }
}
