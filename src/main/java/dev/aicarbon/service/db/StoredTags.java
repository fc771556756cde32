package dev.aicarbon.service.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The {@code tags} column of usage lines, read back as its text: a JSON object of strings. */
public final class StoredTags {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };

    private StoredTags() {
    }

    /**
     * @throws IllegalStateException when the text is not a JSON object of strings, which the
     *                               import never stores
     */
    public static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, TAGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are not a JSON object of strings", e);
        }
    }
}
