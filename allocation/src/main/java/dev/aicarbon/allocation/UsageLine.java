package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

/**
 * One FOCUS usage line ({@code ChargeCategory = Usage}) as the engine sees it.
 *
 * <p>The three metric fields may be null where the export left them empty; the engine
 * falls back from the chosen metric to {@code effectiveCost} and flags the result.
 * Costs are in the line's billing currency; only their proportions matter here, so lines
 * of one account and month are assumed to share a currency.
 *
 * @param lineId          stable identity of the line, for tracing and deterministic order
 * @param provider        provider code: {@code aws}, {@code azure} or {@code gcp}
 * @param accountId       FOCUS {@code SubAccountId}
 * @param region          FOCUS {@code RegionId}, may be null
 * @param service         FOCUS {@code ServiceName}, may be null
 * @param tags            FOCUS {@code Tags}, never null (empty when the line has none)
 * @param resourceId      FOCUS {@code ResourceId}, may be null
 */
public record UsageLine(
        String lineId,
        String provider,
        String accountId,
        YearMonth month,
        String region,
        String service,
        BigDecimal listCost,
        BigDecimal effectiveCost,
        BigDecimal consumedQuantity,
        Map<String, String> tags,
        String resourceId) {

    /** A line without a resource id. */
    public UsageLine(String lineId, String provider, String accountId, YearMonth month,
            String region, String service, BigDecimal listCost, BigDecimal effectiveCost,
            BigDecimal consumedQuantity, Map<String, String> tags) {
        this(lineId, provider, accountId, month, region, service, listCost, effectiveCost,
                consumedQuantity, tags, null);
    }

    public UsageLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(month, "month");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
