package dev.aicarbon.providers.emissions;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One row of the canonical emissions CSV: what a provider reports for one account and
 * month, optionally narrowed to a region and a service (null means all of them).
 *
 * <p>Either the four scope amounts are set and the two totals are null, or
 * {@code scopeCombined} is true, the two totals are set and the four scope amounts are null.
 * All amounts are kilograms of CO2e, non-negative.
 *
 * @param row      spreadsheet row number in the source file (header is row 1)
 * @param provider {@code aws}, {@code azure} or {@code gcp}
 */
public record EmissionsRow(
        int row,
        String provider,
        String accountId,
        YearMonth month,
        String region,
        String service,
        BigDecimal scope1KgCo2e,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        BigDecimal scope3KgCo2e,
        BigDecimal totalLocationKgCo2e,
        BigDecimal totalMarketKgCo2e,
        boolean scopeCombined) {
}
