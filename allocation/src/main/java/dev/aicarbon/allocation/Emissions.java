package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of greenhouse gas in kilograms of CO2 equivalent, kept per scope.
 *
 * <p>Scope 2 is carried twice, location-based and market-based; they are two views of the
 * same electricity, never to be added together. Some providers publish only a
 * location-based and a market-based total without a scope split: those amounts live in
 * {@code combinedLocationKgCo2e} and {@code combinedMarketKgCo2e} and no split is ever
 * invented for them.
 *
 * <p>Every component is non-null; zero means "none", not "unknown". Arithmetic is exact
 * ({@link BigDecimal} without a rounding context); callers that divide round explicitly.
 * Immutable and thread-safe.
 */
public record Emissions(
        BigDecimal scope1KgCo2e,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        BigDecimal scope3KgCo2e,
        BigDecimal combinedLocationKgCo2e,
        BigDecimal combinedMarketKgCo2e) {

    public static final Emissions ZERO = new Emissions(
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Emissions {
        Objects.requireNonNull(scope1KgCo2e, "scope1KgCo2e");
        Objects.requireNonNull(scope2LocationKgCo2e, "scope2LocationKgCo2e");
        Objects.requireNonNull(scope2MarketKgCo2e, "scope2MarketKgCo2e");
        Objects.requireNonNull(scope3KgCo2e, "scope3KgCo2e");
        Objects.requireNonNull(combinedLocationKgCo2e, "combinedLocationKgCo2e");
        Objects.requireNonNull(combinedMarketKgCo2e, "combinedMarketKgCo2e");
    }

    /** Emissions split by scope, as most providers publish them. */
    public static Emissions ofScopes(BigDecimal scope1KgCo2e, BigDecimal scope2LocationKgCo2e,
            BigDecimal scope2MarketKgCo2e, BigDecimal scope3KgCo2e) {
        return new Emissions(scope1KgCo2e, scope2LocationKgCo2e, scope2MarketKgCo2e,
                scope3KgCo2e, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Location-based and market-based totals of a provider that publishes no scope split. */
    public static Emissions ofCombinedTotals(BigDecimal totalLocationKgCo2e,
            BigDecimal totalMarketKgCo2e) {
        return new Emissions(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                totalLocationKgCo2e, totalMarketKgCo2e);
    }

    public Emissions plus(Emissions other) {
        return new Emissions(
                scope1KgCo2e.add(other.scope1KgCo2e),
                scope2LocationKgCo2e.add(other.scope2LocationKgCo2e),
                scope2MarketKgCo2e.add(other.scope2MarketKgCo2e),
                scope3KgCo2e.add(other.scope3KgCo2e),
                combinedLocationKgCo2e.add(other.combinedLocationKgCo2e),
                combinedMarketKgCo2e.add(other.combinedMarketKgCo2e));
    }

    public Emissions minus(Emissions other) {
        return plus(other.negate());
    }

    public Emissions negate() {
        return new Emissions(
                scope1KgCo2e.negate(),
                scope2LocationKgCo2e.negate(),
                scope2MarketKgCo2e.negate(),
                scope3KgCo2e.negate(),
                combinedLocationKgCo2e.negate(),
                combinedMarketKgCo2e.negate());
    }

    /** Scope 1 + scope 2 location-based + scope 3, plus any location-based combined total. */
    public BigDecimal totalLocationKgCo2e() {
        return scope1KgCo2e.add(scope2LocationKgCo2e).add(scope3KgCo2e).add(combinedLocationKgCo2e);
    }

    /** Scope 1 + scope 2 market-based + scope 3, plus any market-based combined total. */
    public BigDecimal totalMarketKgCo2e() {
        return scope1KgCo2e.add(scope2MarketKgCo2e).add(scope3KgCo2e).add(combinedMarketKgCo2e);
    }

    /** True when part of this amount came without a scope split. */
    public boolean hasCombinedTotals() {
        return combinedLocationKgCo2e.signum() != 0 || combinedMarketKgCo2e.signum() != 0;
    }

    /** Component-wise comparison by value, ignoring {@link BigDecimal} scale. */
    public boolean isEqualByValue(Emissions other) {
        return scope1KgCo2e.compareTo(other.scope1KgCo2e) == 0
                && scope2LocationKgCo2e.compareTo(other.scope2LocationKgCo2e) == 0
                && scope2MarketKgCo2e.compareTo(other.scope2MarketKgCo2e) == 0
                && scope3KgCo2e.compareTo(other.scope3KgCo2e) == 0
                && combinedLocationKgCo2e.compareTo(other.combinedLocationKgCo2e) == 0
                && combinedMarketKgCo2e.compareTo(other.combinedMarketKgCo2e) == 0;
    }
}
