package dev.aicarbon.spark;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One FOCUS row of a test month, as text the way an export writes it; null for an empty cell.
 * Written to CSV by {@link SyntheticMonth} and to Parquet with typed columns.
 */
record FocusRecord(
        String providerName,
        String billingAccountId,
        String subAccountId,
        Instant chargePeriodStart,
        Instant chargePeriodEnd,
        String chargeCategory,
        String regionId,
        String serviceName,
        String resourceId,
        String listCost,
        String effectiveCost,
        String consumedQuantity,
        String tagsJson) {

    static final List<String> CSV_HEADER = List.of("ProviderName", "BillingAccountId",
            "SubAccountId", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "RegionId",
            "ServiceName", "ResourceId", "ListCost", "EffectiveCost", "BilledCost",
            "BillingCurrency", "ConsumedQuantity", "ConsumedUnit", "Tags");

    List<String> csvValues() {
        return Arrays.asList(providerName, billingAccountId, subAccountId,
                chargePeriodStart.toString(), chargePeriodEnd.toString(), chargeCategory,
                regionId, serviceName, resourceId, listCost, effectiveCost, effectiveCost, "USD",
                consumedQuantity, "Hours", tagsJson);
    }
}
