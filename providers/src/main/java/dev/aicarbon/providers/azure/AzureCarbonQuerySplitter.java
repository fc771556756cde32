package dev.aicarbon.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Fetches one scope of one subscription's month whole, although one query gives at most
 * {@code itemCap} items, and adds the items to a joiner.
 *
 * <p>Plan:
 * <ol>
 *   <li>Ask for the whole subscription. Under the cap, it is complete: done.</li>
 *   <li>Otherwise record the split, list the subscription's resource groups with emissions in
 *       the scope, and ask per group. A group under the cap is complete.</li>
 *   <li>A group at the cap: record the split, list its locations, and ask per group and
 *       location. One still at the cap refuses the subscription: it cannot be read whole.</li>
 * </ol>
 * A listing that itself reaches the cap refuses the subscription too. Answers at the cap are
 * discarded, never joined, so no item is counted twice. Not thread-safe; one per scope.
 */
final class AzureCarbonQuerySplitter {

    /** The subscription gives no rows; the message says why, in words to act on. */
    static final class SubscriptionRefused extends RuntimeException {

        SubscriptionRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Function<AzureCarbonQuery, List<AzureCarbonReportPage>> fetchAll;
    private final int itemCap;
    private final AzureCarbonItemJoiner joiner;
    private final List<String> splits;

    AzureCarbonQuerySplitter(Function<AzureCarbonQuery, List<AzureCarbonReportPage>> fetchAll,
            int itemCap, AzureCarbonItemJoiner joiner, List<String> splits) {
        this.fetchAll = fetchAll;
        this.itemCap = itemCap;
        this.joiner = joiner;
        this.splits = splits;
    }

    void fetch(AzureCarbonQuery subscription) {
        // 1. the whole subscription
        List<AzureCarbonReportPage> whole = fetchAll.apply(subscription);
        if (!atCap(whole)) {
            join(subscription, whole);
            return;
        }

        // 2. per resource group
        split(subscription, "resource group");
        for (String group : listed(subscription.listing(AzureCarbonQuery.RESOURCE_GROUP),
                "resourceGroupUrl")) {
            AzureCarbonQuery inGroup = subscription.inGroup(group);
            List<AzureCarbonReportPage> pages = fetchAll.apply(inGroup);
            if (atCap(pages)) {
                fetchPerLocation(inGroup);
            } else {
                join(inGroup, pages);
            }
        }
    }

    // 3. per location within one resource group
    private void fetchPerLocation(AzureCarbonQuery inGroup) {
        split(inGroup, "location");
        for (String location : listed(inGroup.listing(AzureCarbonQuery.LOCATION), "itemName")) {
            AzureCarbonQuery inLocation = inGroup.inLocation(location);
            List<AzureCarbonReportPage> pages = fetchAll.apply(inLocation);
            if (atCap(pages)) {
                throw new SubscriptionRefused(inLocation.describe() + " still reaches the cap"
                        + " of " + itemCap + " items per query after splitting per resource"
                        + " group and location; not read, rather than read short");
            }
            join(inLocation, pages);
        }
    }

    private boolean atCap(List<AzureCarbonReportPage> pages) {
        return pages.stream().mapToInt(page -> page.items().size()).sum() >= itemCap;
    }

    private void split(AzureCarbonQuery query, String by) {
        splits.add(query.describe() + " reached " + itemCap + " items; asked per " + by);
    }

    private Set<String> listed(AzureCarbonQuery listing, String field) {
        List<AzureCarbonReportPage> pages = fetchAll.apply(listing);
        if (atCap(pages)) {
            throw new SubscriptionRefused(listing.describe() + " reaches the cap of " + itemCap
                    + " items, so the query cannot be split by it");
        }
        Set<String> names = new LinkedHashSet<>();
        for (AzureCarbonReportPage page : pages) {
            for (JsonNode item : page.items()) {
                String name = item.path(field).asText("");
                if (name.isBlank()) {
                    throw new SubscriptionRefused(listing.describe() + ": an item has no "
                            + field + " to split by");
                }
                names.add(name);
            }
        }
        return names;
    }

    private void join(AzureCarbonQuery query, List<AzureCarbonReportPage> pages) {
        List<AzureCarbonReportPage> ordered = new ArrayList<>(pages);
        for (int page = 1; page <= ordered.size(); page++) {
            List<JsonNode> items = ordered.get(page - 1).items();
            for (int item = 1; item <= items.size(); item++) {
                joiner.add(items.get(item - 1), new AzureCarbonItemJoiner.Place(
                        query.describe(), query.scope(), page, item));
            }
        }
    }
}
