package dev.aicarbon.providers.focus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One row of a FOCUS 1.x cost and usage export, reduced to the columns this product uses.
 * Column names follow the FOCUS specification; {@code providerCode} is derived from
 * {@code ProviderName} ({@code aws}, {@code azure}, {@code gcp}, or the lower-cased name
 * of any other provider).
 *
 * <p>Charge period bounds are instants in UTC; a period is {@code [start, end)}. Costs are in
 * {@code billingCurrency}. Optional FOCUS columns are null when absent or empty; {@code tags}
 * is never null.
 *
 * @param row spreadsheet row number in the source file (header is row 1)
 */
public record FocusLine(
        int row,
        String providerName,
        String providerCode,
        String billingAccountId,
        String subAccountId,
        Instant chargePeriodStart,
        Instant chargePeriodEnd,
        String chargeCategory,
        String regionId,
        String serviceName,
        String serviceCategory,
        String resourceId,
        String skuId,
        BigDecimal consumedQuantity,
        String consumedUnit,
        BigDecimal listCost,
        BigDecimal effectiveCost,
        BigDecimal billedCost,
        String billingCurrency,
        Map<String, String> tags) {

    public FocusLine {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
