package dev.aicarbon.providers.gcp;

import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A BigQuery result row of the carbon query, its RECORD columns walked by dotted name. */
final class BigQueryCarbonFootprintFields implements CarbonFootprintFields {

    private static final List<String> SHOWN_FIELDS = Stream.concat(
                    Stream.of(CarbonFootprintRows.BILLING_ACCOUNT_ID),
                    CarbonFootprintRows.REQUIRED_FIELDS.stream())
            .toList();

    private final FieldValueList values;
    private final int row;

    /** @param row the row's position in the query result, the first being row 1 */
    BigQueryCarbonFootprintFields(FieldValueList values, int row) {
        this.values = values;
        this.row = row;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public String text(String field) {
        FieldValueList record = values;
        String[] names = field.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            FieldValue value = value(record, names[i]);
            if (value == null || value.getAttribute() != FieldValue.Attribute.RECORD) {
                return null;
            }
            record = value.getRecordValue();
        }
        FieldValue value = value(record, names[names.length - 1]);
        if (value == null || value.getAttribute() != FieldValue.Attribute.PRIMITIVE) {
            return null;
        }
        String text = value.getStringValue().strip();
        return text.isEmpty() ? null : text;
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String field : SHOWN_FIELDS) {
            String text = text(field);
            shown.put(field, text == null ? "" : text);
        }
        return shown;
    }

    /** The named value, or null when it is NULL or the result has no such column. */
    private static FieldValue value(FieldValueList record, String name) {
        if (!record.hasSchema()) {
            return null;
        }
        try {
            FieldValue value = record.get(name);
            return value.isNull() ? null : value;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
