package dev.aicarbon.allocation.estimate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one job estimate found, with every factor it used and every assumption it made.
 *
 * <p>Units are in the names. Scope 2 is given twice, location-based and market-based: two views
 * of the same electricity, never to be added together; so are the totals (scope 2 + scope 3).
 * Scope 3 is the job's share of the devices' embodied emissions; it is zero only when the
 * request excluded it, and then {@code flags} holds {@code embodied-excluded}.
 *
 * <p>Null means absent, never zero: {@code hours} for a measured estimate given none, and
 * {@code waterLitres}, {@code adpKgSbEq} and {@code primaryEnergyMj} when their factor was not
 * given (or, for the last two, when a measured estimate has no hours). Every other component is
 * non-null. {@code factors} lists, in the order used, the input factors the estimate read and
 * the values it derived or assumed; {@code flags} the {@link EstimateFlag} labels that apply.
 * Both lists are unmodifiable. Immutable and thread-safe.
 */
public record EstimateResult(
        EstimateMethod method,
        BigDecimal hours,
        BigDecimal energyKwh,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        BigDecimal scope3KgCo2e,
        BigDecimal totalLocationKgCo2e,
        BigDecimal totalMarketKgCo2e,
        BigDecimal waterLitres,
        BigDecimal adpKgSbEq,
        BigDecimal primaryEnergyMj,
        List<Factor> factors,
        List<String> flags) {

    public EstimateResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(energyKwh, "energyKwh");
        Objects.requireNonNull(scope2LocationKgCo2e, "scope2LocationKgCo2e");
        Objects.requireNonNull(scope2MarketKgCo2e, "scope2MarketKgCo2e");
        Objects.requireNonNull(scope3KgCo2e, "scope3KgCo2e");
        Objects.requireNonNull(totalLocationKgCo2e, "totalLocationKgCo2e");
        Objects.requireNonNull(totalMarketKgCo2e, "totalMarketKgCo2e");
        factors = List.copyOf(factors);
        flags = List.copyOf(flags);
    }

    /** True when {@code flag} applies to this estimate. */
    public boolean hasFlag(EstimateFlag flag) {
        return flags.contains(flag.label());
    }
}
