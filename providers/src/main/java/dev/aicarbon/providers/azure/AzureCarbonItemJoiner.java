package dev.aicarbon.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joins the per-resource items of three {@code ItemDetailsReport} answers, one per scope, into
 * one {@link EmissionsRow} per resource. Shared by {@link AzureCarbonReportReader} (a bundle
 * file) and {@link AzureCarbonReportClient} (answers fetched), so both give the same rows.
 *
 * <p>Each item is a {@code ResourceItemDetailsData}: {@code resourceId},
 * {@code subscriptionId} and {@code latestMonthEmissions}, which the API documents as the
 * total over the date range asked for, in kg CO2e; the date range is one month, so it is the
 * month's amount, taken as given (read as an exact decimal). Resources are matched across
 * scopes by {@code resourceId} without regard to case, as the engine matches FOCUS lines.
 *
 * <p>A resource missing from one scope's answer has zero in that scope: the answer lists
 * every resource with emissions in the scope, provided it is complete, which the client
 * ensures by splitting queries that reach the API's item cap. A row's scope 2 is the
 * market-based figure standing in for the location-based one, flagged on the row.
 *
 * <p>An item that cannot be used becomes a {@link RowProblem} whose {@code row} is the item's
 * ordinal in the order added (1-based) and whose reason names the place (source, scope, page
 * and item index) and the field. Its resource is then held back whole, so that no row carries
 * some scopes and silently lacks another. Not thread-safe; one joiner per month of one file
 * or one subscription.
 */
final class AzureCarbonItemJoiner {

    static final String PROVIDER = "azure";
    static final String RESOURCE_ITEM = "ResourceItemDetailsData";

    /** Where an item was found, for messages: page and item index are 1-based. */
    record Place(String source, AzureCarbonScope scope, int page, int item) {

        String describe() {
            return source + ", " + scope.apiName() + " page " + page + " item " + item;
        }
    }

    private final YearMonth month;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<AzureCarbonScope, Integer> itemsByScope = new EnumMap<>(
            AzureCarbonScope.class);
    private final List<RowProblem> problems = new ArrayList<>();
    private int itemsRead;

    AzureCarbonItemJoiner(YearMonth month) {
        this.month = month;
    }

    /** Takes one item of one scope's answer; an unusable one is kept as a problem. */
    void add(JsonNode item, Place place) {
        itemsRead++;
        itemsByScope.merge(place.scope(), 1, Integer::sum);
        String resourceId = text(item, "resourceId");
        try {
            Resource resource = resource(resourceId, place, item);
            resource.put(place.scope(), amount(item, place), place);
        } catch (ItemRejected e) {
            problems.add(new RowProblem(itemsRead, e.field, e.getMessage(), values(item, place)));
            if (resourceId != null) {
                resources.computeIfAbsent(key(resourceId), k -> new Resource(resourceId, null))
                        .spoiled = true;
            }
        }
    }

    /** A problem not tied to one item, such as a subscription the answer denies. */
    void addProblem(String field, String reason, Place place) {
        problems.add(new RowProblem(0, field, place.describe() + ": " + reason,
                Map.of("scope", place.scope().apiName(), "page", Integer.toString(place.page()))));
    }

    int itemsOf(AzureCarbonScope scope) {
        return itemsByScope.getOrDefault(scope, 0);
    }

    List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Hands a row per resource that had no unusable item to {@code sink}, then the problems.
     * {@code rowsRead} counts rows and problems, not items.
     */
    ReadSummary emit(RowSink<EmissionsRow> sink) {
        int accepted = 0;
        for (Resource resource : resources.values()) {
            if (!resource.spoiled) {
                accepted++;
                sink.accept(resource.row(accepted, month));
            }
        }
        problems.forEach(sink::quarantine);
        return new ReadSummary(accepted + problems.size(), accepted, problems.size());
    }

    private Resource resource(String resourceId, Place place, JsonNode item) {
        if (!item.isObject()) {
            throw new ItemRejected(null, place.describe() + ": the item is not a JSON object");
        }
        String dataType = text(item, "dataType");
        if (dataType != null && !RESOURCE_ITEM.equals(dataType)) {
            throw new ItemRejected("dataType", place.describe() + ": dataType " + dataType
                    + " is not " + RESOURCE_ITEM + "; ask with categoryType Resource");
        }
        if (resourceId == null) {
            throw new ItemRejected("resourceId", place.describe()
                    + ": resourceId is missing; the emissions cannot be matched to a resource");
        }
        String subscriptionId = text(item, "subscriptionId");
        if (subscriptionId == null) {
            throw new ItemRejected("subscriptionId", place.describe()
                    + ": subscriptionId is missing; the emissions cannot be matched to an account");
        }
        return resources.computeIfAbsent(key(resourceId),
                k -> new Resource(resourceId, subscriptionId));
    }

    private static BigDecimal amount(JsonNode item, Place place) {
        JsonNode amount = item.get("latestMonthEmissions");
        if (amount == null || !amount.isNumber()) {
            throw new ItemRejected("latestMonthEmissions", place.describe()
                    + ": latestMonthEmissions is " + (amount == null ? "missing" : amount)
                    + ", not a number of kg CO2e");
        }
        BigDecimal kgCo2e = amount.decimalValue();
        if (kgCo2e.signum() < 0) {
            throw new ItemRejected("latestMonthEmissions", place.describe()
                    + ": latestMonthEmissions " + kgCo2e.toPlainString() + " is negative");
        }
        return kgCo2e;
    }

    private static String key(String resourceId) {
        return resourceId.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }

    private static Map<String, String> values(JsonNode item, Place place) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("scope", place.scope().apiName());
        values.put("page", Integer.toString(place.page()));
        values.put("item", Integer.toString(place.item()));
        if (item.isObject()) {
            item.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode()) {
                    values.put(field.getKey(), field.getValue().asText());
                }
            });
        }
        return values;
    }

    /** One resource's amounts so far, by scope, in kg CO2e. */
    private static final class Resource {

        private final String resourceId;
        private final String subscriptionId;
        private final Map<AzureCarbonScope, BigDecimal> kgCo2eByScope = new EnumMap<>(
                AzureCarbonScope.class);
        private boolean spoiled;

        Resource(String resourceId, String subscriptionId) {
            this.resourceId = resourceId;
            this.subscriptionId = subscriptionId;
        }

        void put(AzureCarbonScope scope, BigDecimal kgCo2e, Place place) {
            if (kgCo2eByScope.containsKey(scope)) {
                throw new ItemRejected("resourceId", place.describe() + ": resource "
                        + resourceId + " appears twice in " + scope.apiName());
            }
            kgCo2eByScope.put(scope, kgCo2e);
        }

        EmissionsRow row(int number, YearMonth month) {
            return EmissionsRow.ofScopes(number, PROVIDER, subscriptionId, month, null, null,
                            of(AzureCarbonScope.SCOPE1), null, of(AzureCarbonScope.SCOPE2),
                            of(AzureCarbonScope.SCOPE3))
                    .withScope2LocationFromMarket()
                    .withResourceId(resourceId);
        }

        private BigDecimal of(AzureCarbonScope scope) {
            return kgCo2eByScope.getOrDefault(scope, BigDecimal.ZERO);
        }
    }

    /** An item to keep as a problem; carries no stack trace, it is expected on bad input. */
    private static final class ItemRejected extends RuntimeException {

        private final String field;

        ItemRejected(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
