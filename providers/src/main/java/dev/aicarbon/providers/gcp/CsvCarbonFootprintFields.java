package dev.aicarbon.providers.gcp;

import dev.aicarbon.providers.csv.CsvRow;
import java.util.Map;

/** A CSV row whose header flattens the RECORD columns to dotted names. */
final class CsvCarbonFootprintFields implements CarbonFootprintFields {

    private final CsvRow row;

    CsvCarbonFootprintFields(CsvRow row) {
        this.row = row;
    }

    @Override
    public int row() {
        return row.number();
    }

    @Override
    public String text(String field) {
        return row.text(field);
    }

    @Override
    public Map<String, String> values() {
        return row.values();
    }
}
