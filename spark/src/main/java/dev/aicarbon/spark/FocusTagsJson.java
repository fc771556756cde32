package dev.aicarbon.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a FOCUS {@code Tags} value held as JSON text in a Parquet file, by the rule the
 * service's FOCUS CSV import documents: a JSON object of keys to values, keys as written (AWS
 * keeps its {@code user:} prefix), a string value as is, a JSON null as the empty string, any
 * other value as its JSON text.
 *
 * <p>Known shortcoming: the CSV import's own parser is not public, so this is a second reading
 * of that rule; the parity test holds the two to the same results on Parquet and CSV inputs.
 * Making the providers' parser public would remove it.
 */
final class FocusTagsJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FocusTagsJson() {
    }

    /**
     * The tags in {@code text}; empty for null or blank text.
     *
     * @throws IllegalArgumentException when the text is not a JSON object, saying why
     */
    static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }

        JsonNode object = tree(text);
        if (!object.isObject()) {
            throw new IllegalArgumentException("is JSON but not an object of tag keys to values");
        }
        Map<String, String> tags = new HashMap<>();
        object.properties().forEach(entry -> tags.put(entry.getKey(), valueText(entry.getValue())));
        return tags;
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not JSON");
        }
    }

    private static String valueText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
