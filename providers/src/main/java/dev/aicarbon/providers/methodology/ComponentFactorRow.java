package dev.aicarbon.providers.methodology;

import java.math.BigDecimal;

/**
 * One component of the life-cycle catalogue: the embodied emissions of one unit of it, by
 * life-cycle stage. All amounts are kgCO2e per {@code unit}, not negative.
 *
 * @param row       spreadsheet row number in the source file (header is row 1)
 * @param component the component's name, as bills of materials refer to it; case matters
 * @param unit      what one unit is: {@code each}, {@code GB}, {@code TB}, {@code kg} or
 *                  {@code mm2} (of die area), spelled exactly so
 */
public record ComponentFactorRow(
        int row,
        String component,
        String unit,
        BigDecimal manufacturingKgCo2e,
        BigDecimal transportKgCo2e,
        BigDecimal endOfLifeKgCo2e) {
}
