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
 */
public record EmissionsCell(
        String cellId,
        String provider,
        String accountId,
        YearMonth month,
        String region,
        String service,
        Emissions emissions) {

    public EmissionsCell {
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(emissions, "emissions");
    }
}
