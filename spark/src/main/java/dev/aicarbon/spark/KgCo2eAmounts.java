package dev.aicarbon.spark;

import dev.aicarbon.allocation.Emissions;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The six components of an {@link Emissions}, all kg CO2e, in a form Spark can ship between
 * executors and the driver ({@link Emissions} itself is not {@link Serializable}). Exact: sums
 * are plain {@link BigDecimal} additions, so they do not depend on the order groups arrive in.
 */
record KgCo2eAmounts(
        BigDecimal scope1KgCo2e,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        BigDecimal scope3KgCo2e,
        BigDecimal combinedLocationKgCo2e,
        BigDecimal combinedMarketKgCo2e) implements Serializable {

    static final KgCo2eAmounts ZERO = of(Emissions.ZERO);

    /** Column names of the six components in every file the job writes, in this order. */
    static final List<String> COLUMNS = List.of(
            "scope1_kgco2e", "scope2_location_kgco2e", "scope2_market_kgco2e", "scope3_kgco2e",
            "combined_location_kgco2e", "combined_market_kgco2e");

    static KgCo2eAmounts of(Emissions emissions) {
        return new KgCo2eAmounts(emissions.scope1KgCo2e(), emissions.scope2LocationKgCo2e(),
                emissions.scope2MarketKgCo2e(), emissions.scope3KgCo2e(),
                emissions.combinedLocationKgCo2e(), emissions.combinedMarketKgCo2e());
    }

    static KgCo2eAmounts ofScopes(BigDecimal scope1KgCo2e, BigDecimal scope2LocationKgCo2e,
            BigDecimal scope2MarketKgCo2e, BigDecimal scope3KgCo2e) {
        return of(Emissions.ofScopes(scope1KgCo2e, scope2LocationKgCo2e, scope2MarketKgCo2e,
                scope3KgCo2e));
    }

    static KgCo2eAmounts ofCombinedTotals(BigDecimal totalLocationKgCo2e,
            BigDecimal totalMarketKgCo2e) {
        return of(Emissions.ofCombinedTotals(totalLocationKgCo2e, totalMarketKgCo2e));
    }

    Emissions toEmissions() {
        return new Emissions(scope1KgCo2e, scope2LocationKgCo2e, scope2MarketKgCo2e, scope3KgCo2e,
                combinedLocationKgCo2e, combinedMarketKgCo2e);
    }

    KgCo2eAmounts plus(KgCo2eAmounts other) {
        return of(toEmissions().plus(other.toEmissions()));
    }

    /** The six amounts as plain decimal text (no exponent), in {@link #COLUMNS} order. */
    List<String> plainTexts() {
        return List.of(scope1KgCo2e.toPlainString(), scope2LocationKgCo2e.toPlainString(),
                scope2MarketKgCo2e.toPlainString(), scope3KgCo2e.toPlainString(),
                combinedLocationKgCo2e.toPlainString(), combinedMarketKgCo2e.toPlainString());
    }
}
