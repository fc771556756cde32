package dev.aicarbon.spark;

import dev.aicarbon.allocation.EmissionsCell;
import java.io.Serializable;
import java.time.YearMonth;

/**
 * An emissions cell on its way through the shuffle: the fields of {@link EmissionsCell}, which
 * is not {@link Serializable}, with the account already canonical.
 *
 * @param month {@code YYYY-MM}
 */
record CellRow(
        String cellId,
        String provider,
        String accountId,
        String month,
        String region,
        String service,
        String resourceId,
        KgCo2eAmounts amounts,
        boolean scope2LocationFromMarket) implements Serializable {

    EmissionsCell toEmissionsCell() {
        return new EmissionsCell(cellId, provider, accountId, YearMonth.parse(month), region,
                service, resourceId, amounts.toEmissions(), scope2LocationFromMarket);
    }

    AccountGroupKey groupKey() {
        return new AccountGroupKey(provider, accountId, month);
    }
}
