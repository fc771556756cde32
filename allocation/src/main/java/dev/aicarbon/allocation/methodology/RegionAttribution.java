package dev.aicarbon.allocation.methodology;

import dev.aicarbon.allocation.ExactSplit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Steps 5 and 6 for one region: its factors per unit of weighted usage, and each consumer's
 * share of its emissions.
 *
 * <p>Each of the six components of the region's emissions is split on its own over the
 * consumers' weighted usage by {@link ExactSplit}, the rule the whole engine follows: a share
 * is {@code component × weightedUsage ÷ totalUsage} rounded HALF_EVEN to 12 decimal places,
 * the largest weight taking the remainder (the first in consumer, service model order among
 * equals). When the region's total weighted usage is zero, nothing is divided: its emissions
 * go whole to unused capacity and its consumers get zero.
 *
 * @param region    the region, with its factors and unused capacity
 * @param consumers the region's consumers with their emissions, in the order they were given
 */
record RegionAttribution(RegionResult region, List<ConsumerResult> consumers) {

    /**
     * @param usage the region's weighted usage, one row per consumer and service model, in the
     *              order that breaks ties for the split's remainder
     */
    static RegionAttribution of(String region, ModelledEmissions emissions,
            List<WeightedUsage> usage) {
        BigDecimal totalUsage = usage.stream()
                .map(WeightedUsage::weightedUsage)
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        if (totalUsage.signum() == 0) {
            return allUnused(region, emissions, totalUsage, usage);
        }
        RegionResult result = new RegionResult(region, emissions, totalUsage,
                factors(emissions, totalUsage), ModelledEmissions.ZERO);
        return new RegionAttribution(result, split(emissions, usage));
    }

    private static RegionAttribution allUnused(String region, ModelledEmissions emissions,
            BigDecimal totalUsage, List<WeightedUsage> usage) {
        RegionResult result = new RegionResult(region, emissions, totalUsage, null, emissions);
        List<ConsumerResult> consumers = usage.stream()
                .map(row -> row.withEmissions(ModelledEmissions.ZERO))
                .toList();
        return new RegionAttribution(result, consumers);
    }

    /** Step 5: display factors, rounded to 16 significant digits. */
    private static RegionFactors factors(ModelledEmissions emissions, BigDecimal totalUsage) {
        return new RegionFactors(
                perUnit(emissions.scope1KgCo2e(), totalUsage),
                perUnit(emissions.scope2LocationKgCo2e(), totalUsage),
                perUnit(emissions.scope2MarketKgCo2e(), totalUsage),
                perUnit(emissions.scope3KgCo2e(), totalUsage));
    }

    private static BigDecimal perUnit(BigDecimal kgCo2e, BigDecimal totalUsage) {
        return kgCo2e.divide(totalUsage, MathContext.DECIMAL64);
    }

    /** Step 6: each component split exactly over the weighted usage. */
    private static List<ConsumerResult> split(ModelledEmissions emissions,
            List<WeightedUsage> usage) {
        List<BigDecimal> weights = usage.stream()
                .map(WeightedUsage::weightedUsage)
                .toList();
        Map<ModelledComponent, List<BigDecimal>> sharesByComponent =
                new EnumMap<>(ModelledComponent.class);
        for (ModelledComponent component : ModelledComponent.values()) {
            sharesByComponent.put(component, ExactSplit.split(component.of(emissions), weights));
        }

        return IntStream.range(0, usage.size())
                .mapToObj(i -> usage.get(i).withEmissions(ModelledComponent.compose(
                        component -> sharesByComponent.get(component).get(i))))
                .toList();
    }
}
