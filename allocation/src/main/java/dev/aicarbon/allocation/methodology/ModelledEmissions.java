package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Emissions the seven-step model attributes, in kgCO2e, per scope, with scope 3 (embodied
 * hardware emissions) kept per life-cycle stage.
 *
 * <p>Scope 2 is carried twice, location-based and market-based: two views of the same
 * electricity, never added together. Every amount is non-null; arithmetic is exact. Immutable
 * and thread-safe.
 */
public record ModelledEmissions(
        BigDecimal scope1KgCo2e,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        StageAmounts scope3) {

    public static final ModelledEmissions ZERO = new ModelledEmissions(
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, StageAmounts.ZERO);

    public ModelledEmissions {
        Objects.requireNonNull(scope1KgCo2e, "scope1KgCo2e");
        Objects.requireNonNull(scope2LocationKgCo2e, "scope2LocationKgCo2e");
        Objects.requireNonNull(scope2MarketKgCo2e, "scope2MarketKgCo2e");
        Objects.requireNonNull(scope3, "scope3");
    }

    public ModelledEmissions plus(ModelledEmissions other) {
        return new ModelledEmissions(
                scope1KgCo2e.add(other.scope1KgCo2e),
                scope2LocationKgCo2e.add(other.scope2LocationKgCo2e),
                scope2MarketKgCo2e.add(other.scope2MarketKgCo2e),
                scope3.plus(other.scope3));
    }

    /** Scope 3 over all life-cycle stages. */
    public BigDecimal scope3KgCo2e() {
        return scope3.totalKgCo2e();
    }

    /** Scope 1 + scope 2 location-based + scope 3. */
    public BigDecimal totalLocationKgCo2e() {
        return scope1KgCo2e.add(scope2LocationKgCo2e).add(scope3KgCo2e());
    }

    /** Scope 1 + scope 2 market-based + scope 3. */
    public BigDecimal totalMarketKgCo2e() {
        return scope1KgCo2e.add(scope2MarketKgCo2e).add(scope3KgCo2e());
    }
}
