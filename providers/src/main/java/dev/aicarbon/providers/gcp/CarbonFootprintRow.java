package dev.aicarbon.providers.gcp;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One usable Carbon Footprint export row, amounts in kg CO2e, non-negative.
 *
 * @param row              the row's number in its source
 * @param billingAccountId the Cloud Billing account, or null when the source lacks it
 * @param region           one Google Cloud region, or null for global and multi-region rows
 * @param modelVersion     {@code carbon_model_version}, or null when absent
 */
record CarbonFootprintRow(
        int row,
        String billingAccountId,
        String projectId,
        YearMonth month,
        String region,
        String service,
        BigDecimal scope1KgCo2e,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        BigDecimal scope3KgCo2e,
        String modelVersion) {
}
