package dev.aicarbon.providers.focus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the FOCUS {@code Tags} column: a JSON object of tag keys to values. Keys are kept as
 * the provider writes them, so AWS cost allocation tags keep their {@code user:} prefix. A
 * string value is taken as is, a JSON null as the empty string, and any other value (a number,
 * a boolean, an array, an object) as its JSON text.
 */
public final class FocusTags {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FocusTags() {
    }

    /**
     * The tags in {@code json}; empty for null or blank text.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static Map<String, String> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }

        JsonNode node = readJson(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("is JSON but not an object of tag keys to values");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        node.properties().forEach(field -> tags.put(field.getKey(), text(field.getValue())));
        return tags;
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not JSON");
        }
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
