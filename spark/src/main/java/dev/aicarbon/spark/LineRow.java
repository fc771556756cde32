package dev.aicarbon.spark;

import dev.aicarbon.allocation.UsageLine;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * A usage line on its way through the shuffle: the fields of {@link UsageLine}, which is not
 * {@link Serializable}, with the account already canonical.
 *
 * @param month {@code YYYY-MM}, of ChargePeriodStart in UTC
 * @param tags  never null
 */
record LineRow(
        String lineId,
        String provider,
        String accountId,
        String month,
        String region,
        String service,
        BigDecimal listCost,
        BigDecimal effectiveCost,
        BigDecimal consumedQuantity,
        HashMap<String, String> tags,
        String resourceId) implements Serializable {

    static LineRow of(UsageLine line) {
        return new LineRow(line.lineId(), line.provider(), line.accountId(),
                line.month().toString(), line.region(), line.service(), line.listCost(),
                line.effectiveCost(), line.consumedQuantity(), new HashMap<>(line.tags()),
                line.resourceId());
    }

    UsageLine toUsageLine() {
        return new UsageLine(lineId, provider, accountId, YearMonth.parse(month), region, service,
                listCost, effectiveCost, consumedQuantity, Map.copyOf(tags), resourceId);
    }

    AccountGroupKey groupKey() {
        return new AccountGroupKey(provider, accountId, month);
    }
}
