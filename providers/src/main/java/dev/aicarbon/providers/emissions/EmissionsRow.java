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
 * @param row                      spreadsheet row number in the source file (header is row 1)
 * @param provider                 {@code aws}, {@code azure} or {@code gcp}
 * @param resourceId               the one resource the row covers (matched to FOCUS
 *                                 {@code ResourceId}, ignoring case), or null for all of them
 * @param scope2LocationFromMarket the provider publishes scope 2 market-based only (Azure),
 *                                 so the market-based figure stands in for the location-based
 *                                 one; every amount allocated from the row is flagged
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
        boolean scopeCombined,
        String resourceId,
        boolean scope2LocationFromMarket) {

    /** A row that covers every resource and whose scope 2 amounts are both published. */
    public EmissionsRow(int row, String provider, String accountId, YearMonth month,
            String region, String service, BigDecimal scope1KgCo2e,
            BigDecimal scope2LocationKgCo2e, BigDecimal scope2MarketKgCo2e,
            BigDecimal scope3KgCo2e, BigDecimal totalLocationKgCo2e,
            BigDecimal totalMarketKgCo2e, boolean scopeCombined) {
        this(row, provider, accountId, month, region, service, scope1KgCo2e,
                scope2LocationKgCo2e, scope2MarketKgCo2e, scope3KgCo2e, totalLocationKgCo2e,
                totalMarketKgCo2e, scopeCombined, null, false);
    }

    /** A provider-reported split by scope, kg CO2e each. */
    public static EmissionsRow ofScopes(int row, String provider, String accountId,
            YearMonth month, String region, String service, BigDecimal scope1KgCo2e,
            BigDecimal scope2LocationKgCo2e, BigDecimal scope2MarketKgCo2e,
            BigDecimal scope3KgCo2e) {
        return new EmissionsRow(row, provider, accountId, month, region, service, scope1KgCo2e,
                scope2LocationKgCo2e, scope2MarketKgCo2e, scope3KgCo2e, null, null, false);
    }

    /** Provider-reported totals per method with no split by scope, kg CO2e each. */
    public static EmissionsRow ofTotals(int row, String provider, String accountId,
            YearMonth month, String region, String service, BigDecimal totalLocationKgCo2e,
            BigDecimal totalMarketKgCo2e) {
        return new EmissionsRow(row, provider, accountId, month, region, service, null, null,
                null, null, totalLocationKgCo2e, totalMarketKgCo2e, true);
    }

    /** This row narrowed to one resource. */
    public EmissionsRow withResourceId(String id) {
        return new EmissionsRow(row, provider, accountId, month, region, service, scope1KgCo2e,
                scope2LocationKgCo2e, scope2MarketKgCo2e, scope3KgCo2e, totalLocationKgCo2e,
                totalMarketKgCo2e, scopeCombined, id, scope2LocationFromMarket);
    }

    /**
     * This row with its location-based scope 2 taken from the market-based figure, for
     * providers that publish only the latter; the substitution travels as a flag.
     */
    public EmissionsRow withScope2LocationFromMarket() {
        return new EmissionsRow(row, provider, accountId, month, region, service, scope1KgCo2e,
                scope2MarketKgCo2e, scope2MarketKgCo2e, scope3KgCo2e, totalLocationKgCo2e,
                totalMarketKgCo2e, scopeCombined, resourceId, true);
    }
}
