package dev.aicarbon.providers.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A line of newline-delimited JSON as {@code bq extract} writes a table with RECORD columns:
 * nested objects, INT64 as strings, FLOAT64 as numbers.
 */
final class JsonCarbonFootprintFields implements CarbonFootprintFields {

    private final JsonNode object;
    private final int row;

    JsonCarbonFootprintFields(JsonNode object, int row) {
        this.object = object;
        this.row = row;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public String text(String field) {
        JsonNode node = object;
        for (String name : field.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return scalar(node);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", object, values);
        return values;
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            node.properties().forEach(field ->
                    flatten(prefix + field.getKey() + ".", field.getValue(), values));
            return;
        }
        String name = prefix.substring(0, Math.max(0, prefix.length() - 1));
        values.put(name, node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString());
    }
}
