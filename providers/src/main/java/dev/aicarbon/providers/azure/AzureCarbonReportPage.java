package dev.aicarbon.providers.azure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of a {@code carbonEmissionReports} answer ({@code CarbonEmissionDataListResult},
 * api-version 2025-04-01): the {@code value} items, the {@code skipToken} of the next page
 * (null or empty on the last), and the subscriptions {@code subscriptionAccessDecisionList}
 * reports as {@code Denied}, with their {@code denialReason} where given.
 *
 * @param deniedReasons lower-case subscription id to reason; the reason is empty when the API
 *                      gave none
 */
record AzureCarbonReportPage(List<JsonNode> items, String skipToken,
        Map<String, String> deniedReasons) {

    /** Reads amounts as exact decimals, never through a double. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    AzureCarbonReportPage {
        items = List.copyOf(items);
        deniedReasons = Map.copyOf(deniedReasons);
    }

    /**
     * The page in {@code node}.
     *
     * @param where the source and page, for messages
     * @throws AzureCarbonFormatException when the node is not an object with a {@code value}
     *                                    array
     */
    static AzureCarbonReportPage of(JsonNode node, String source, String where) {
        JsonNode value = node == null ? null : node.get("value");
        if (value == null || !value.isArray()) {
            throw new AzureCarbonFormatException(source, where + ": not a carbonEmissionReports"
                    + " answer: it has no value array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        JsonNode token = node.get("skipToken");
        String skipToken = token == null || !token.isTextual() || token.asText().isEmpty()
                ? null
                : token.asText();
        return new AzureCarbonReportPage(items, skipToken, denied(node));
    }

    private static Map<String, String> denied(JsonNode node) {
        Map<String, String> denied = new LinkedHashMap<>();
        for (JsonNode decision : node.path("subscriptionAccessDecisionList")) {
            if ("Denied".equalsIgnoreCase(decision.path("decision").asText())) {
                denied.put(decision.path("subscriptionId").asText().toLowerCase(Locale.ROOT),
                        decision.path("denialReason").asText(""));
            }
        }
        return denied;
    }
}
