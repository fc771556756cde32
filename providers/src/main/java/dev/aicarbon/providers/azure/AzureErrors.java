package dev.aicarbon.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns an Azure Resource Manager error answer into words a person can act on. */
final class AzureErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LONGEST_MESSAGE = 300;

    private AzureErrors() {
    }

    /**
     * The status, and the code and message of ARM's {@code {"error": {"code", "message"}}}
     * when the body is one; the message cut short when long.
     */
    static String describe(int status, byte[] body, String source) {
        String prefix = source + ": Azure answered HTTP " + status;
        JsonNode error = errorOf(body);
        if (error == null) {
            return prefix;
        }
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        if (message.length() > LONGEST_MESSAGE) {
            message = message.substring(0, LONGEST_MESSAGE) + "...";
        }
        return prefix + " " + code + ": " + message;
    }

    private static JsonNode errorOf(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.isObject() ? error : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
