package dev.aicarbon.allocation;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What a provider reports for one account and month, optionally narrowed to a region
 * and a service. A null {@code region} or {@code service} means the cell covers all of
 * them for that account and month.
 *
 * @param cellId    stable identity of the cell, used to key the {@code unmatched} bucket
 * @param provider  provider code: {@code aws}, {@code azure} or {@code gcp}
 * @param accountId AWS account, Azure subscription or Google Cloud project; matched against
 *                  the FOCUS {@code SubAccountId} of usage lines
 * @param resourceId the one resource the cell covers, matched to the lines' FOCUS
 *                  {@code ResourceId} ignoring case (providers differ in case), or null for all
 * @param scope2LocationFromMarket the provider published scope 2 market-based only and that
 *                  figure stands in for the location-based one; rows from the cell are flagged
 */
public record EmissionsCell(
        String cellId,
        String provider,
        String accountId,
        YearMonth month,
        String region,
        String service,
        String resourceId,
        Emissions emissions,
        boolean scope2LocationFromMarket) {

    /** A cell over every resource of its account, region and service, both scope 2 published. */
    public EmissionsCell(String cellId, String provider, String accountId, YearMonth month,
            String region, String service, Emissions emissions) {
        this(cellId, provider, accountId, month, region, service, null, emissions, false);
    }

    public EmissionsCell {
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(emissions, "emissions");
    }
}
