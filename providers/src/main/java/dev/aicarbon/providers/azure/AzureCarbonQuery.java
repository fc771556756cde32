package dev.aicarbon.providers.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.Locale;

/**
 * One {@code ItemDetailsReport} query of one subscription, scope and month, optionally
 * narrowed to one resource group and one location, as the body of
 * {@code POST /providers/Microsoft.Carbon/carbonEmissionReports} (api-version 2025-04-01).
 *
 * @param categoryType     {@code Resource} for the emissions; {@code ResourceGroup} or
 *                         {@code Location} to list what a split is to ask for
 * @param resourceGroupUrl {@code /subscriptions/{id}/resourcegroups/{name}}, lower case as
 *                         the API asks, or null for all groups
 * @param location         a region's display name in lower case ({@code east us}), or null
 */
record AzureCarbonQuery(String subscriptionId, YearMonth month, AzureCarbonScope scope,
        String categoryType, String resourceGroupUrl, String location) {

    static final String RESOURCE = "Resource";
    static final String RESOURCE_GROUP = "ResourceGroup";
    static final String LOCATION = "Location";

    static AzureCarbonQuery resources(String subscriptionId, YearMonth month,
            AzureCarbonScope scope) {
        return new AzureCarbonQuery(subscriptionId.toLowerCase(Locale.ROOT), month, scope,
                RESOURCE, null, null);
    }

    AzureCarbonQuery listing(String category) {
        return new AzureCarbonQuery(subscriptionId, month, scope, category, resourceGroupUrl,
                location);
    }

    AzureCarbonQuery inGroup(String url) {
        return new AzureCarbonQuery(subscriptionId, month, scope, categoryType,
                url.toLowerCase(Locale.ROOT), location);
    }

    AzureCarbonQuery inLocation(String name) {
        return new AzureCarbonQuery(subscriptionId, month, scope, categoryType,
                resourceGroupUrl, name.toLowerCase(Locale.ROOT));
    }

    /**
     * The request body. Items are ordered by name so that pages follow one another stably;
     * {@code dateRange} start and end are both the month's first day, as the API requires
     * for this report.
     */
    ObjectNode body(int pageSize, String skipToken) {
        ObjectNode body = AzureCarbonReportPage.JSON.createObjectNode();
        body.put("reportType", "ItemDetailsReport");
        body.putArray("subscriptionList").add(subscriptionId);
        body.putArray("carbonScopeList").add(scope.apiName());
        String firstDay = month.atDay(1).toString();
        body.putObject("dateRange").put("start", firstDay).put("end", firstDay);
        body.put("categoryType", categoryType);
        body.put("orderBy", "ItemName");
        body.put("sortDirection", "Asc");
        body.put("pageSize", pageSize);
        if (resourceGroupUrl != null) {
            body.putArray("resourceGroupUrlList").add(resourceGroupUrl);
        }
        if (location != null) {
            body.putArray("locationList").add(location);
        }
        if (skipToken != null) {
            body.put("skipToken", skipToken);
        }
        return body;
    }

    /** For messages and item places: never a token. */
    String describe() {
        StringBuilder text = new StringBuilder("Carbon Optimization ").append(categoryType)
                .append(" report of subscription ").append(subscriptionId).append(' ')
                .append(month).append(' ').append(scope.apiName());
        if (resourceGroupUrl != null) {
            text.append(", resource group ")
                    .append(resourceGroupUrl.substring(resourceGroupUrl.lastIndexOf('/') + 1));
        }
        if (location != null) {
            text.append(", location ").append(location);
        }
        return text.toString();
    }
}
