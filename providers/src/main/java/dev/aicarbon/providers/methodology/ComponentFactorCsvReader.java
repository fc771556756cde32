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
import java.util.Locale;
import java.util.Map;

/**
 * Reads the component factor catalogue, row by row, into {@link ComponentFactorRow}s.
 *
 * <p>The header is {@code component, unit, manufacturing_kgco2e, transport_kgco2e,
 * end_of_life_kgco2e}, all required, in any order and case; other columns are ignored. The
 * amounts are kgCO2e per unit.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code component} is empty; {@code unit} is not one of each, GB, TB, kg, mm2
 * (any case; stored as spelled here); an amount is empty, not a decimal or negative; or it
 * names the same component as an earlier row of the file, which is kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class ComponentFactorCsvReader {

    static final String COMPONENT = "component";
    static final String UNIT = "unit";
    static final String MANUFACTURING = "manufacturing_kgco2e";
    static final String TRANSPORT = "transport_kgco2e";
    static final String END_OF_LIFE = "end_of_life_kgco2e";

    static final List<String> COLUMNS =
            List.of(COMPONENT, UNIT, MANUFACTURING, TRANSPORT, END_OF_LIFE);

    private static final Map<String, String> UNITS = Map.of(
            "each", "each",
            "gb", "GB",
            "tb", "TB",
            "kg", "kg",
            "mm2", "mm2");

    /**
     * Reads the file and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, or lacks required columns (all of them are named);
     *                            part way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<ComponentFactorRow> sink) {
        CsvSource csv = CsvSource.open(in, source, COLUMNS);
        MethodologyCsv.requireColumns(csv.header(), source, COLUMNS,
                "a component factors file");
        FirstRows<String> components = new FirstRows<>(COMPONENT);

        return csv.readRows(row -> toFactor(row, components), sink);
    }

    private static ComponentFactorRow toFactor(CsvRow row, FirstRows<String> components) {
        String component = row.requiredText(COMPONENT, "bills of materials refer to it");
        String unit = unit(row);
        BigDecimal manufacturing = row.nonNegativeDecimal(MANUFACTURING, "kgCO2e per unit");
        BigDecimal transport = row.nonNegativeDecimal(TRANSPORT, "kgCO2e per unit; 0 if none");
        BigDecimal endOfLife = row.nonNegativeDecimal(END_OF_LIFE, "kgCO2e per unit; 0 if none");
        components.claim(component, row);

        return new ComponentFactorRow(
                row.number(), component, unit, manufacturing, transport, endOfLife);
    }

    private static String unit(CsvRow row) {
        String text = row.requiredText(UNIT, "expected each, GB, TB, kg or mm2");
        String unit = UNITS.get(text.toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new RowRejectedException(UNIT, "unit " + CsvRow.quote(text)
                    + " is not one of each, GB, TB, kg, mm2");
        }
        return unit;
    }
}
