package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;

/**
 * A region's emissions per unit of weighted usage (step 5), in kgCO2e per unit, rounded to 16
 * significant digits ({@link java.math.MathContext#DECIMAL64}).
 *
 * <p>For display only: consumers' emissions are split exactly from the region's amounts, not
 * multiplied from these rounded factors.
 */
public record RegionFactors(
        BigDecimal scope1KgCo2ePerUnit,
        BigDecimal scope2LocationKgCo2ePerUnit,
        BigDecimal scope2MarketKgCo2ePerUnit,
        BigDecimal scope3KgCo2ePerUnit) {
}
