package dev.aicarbon.spark;

import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.focus.FocusLine;
import java.io.Serializable;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Turns a read FOCUS line into what the engine allocates, by the service's rules: only
 * ChargeCategory {@code Usage} lines take part; the account is the SubAccountId (else the
 * BillingAccountId) in the canonical form of {@link AccountIds}; the month is that of
 * ChargePeriodStart in UTC. Lines of another month are skipped and counted, not allocated.
 *
 * <p>Line ids order ties in every split, so they must not depend on how Spark partitions the
 * input: they are built from the file and the row's place in it ({@link #lineId}).
 */
final class FocusLineMapper implements Serializable {

    private static final String USAGE = "Usage";

    private final String month;

    /** A mapper keeping the usage lines of {@code month}. */
    FocusLineMapper(YearMonth month) {
        this.month = month.toString();
    }

    /**
     * The id of a line: its file's key (a content hash for CSV, the file name for Parquet)
     * and its row, zero-padded so that ids of one file sort in row order.
     */
    static String lineId(String fileKey, long row) {
        return fileKey + "#" + String.format("%010d", row);
    }

    FocusItem map(FocusLine line, String lineId) {
        if (!USAGE.equals(line.chargeCategory())) {
            return FocusItem.skipped(FocusItem.Kind.NOT_USAGE);
        }
        YearMonth lineMonth = YearMonth.from(line.chargePeriodStart().atZone(ZoneOffset.UTC));
        if (!lineMonth.toString().equals(month)) {
            return FocusItem.skipped(FocusItem.Kind.OTHER_MONTH);
        }

        String accountId = AccountIds.canonical(line.providerCode(),
                line.subAccountId() != null ? line.subAccountId() : line.billingAccountId());
        UsageLine usage = new UsageLine(lineId, line.providerCode(), accountId, lineMonth,
                line.regionId(), line.serviceName(), line.listCost(), line.effectiveCost(),
                line.consumedQuantity(), line.tags(), line.resourceId());
        return FocusItem.usage(LineRow.of(usage));
    }
}
