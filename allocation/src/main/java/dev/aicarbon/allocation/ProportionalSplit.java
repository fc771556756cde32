package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount of emissions in proportion to weights, each of its six components on its
 * own by {@link ExactSplit}, so the shares add up to the amount exactly, component by
 * component.
 *
 * <p>Used for both splits the engine makes: a cell over its usage lines, and a shared line's
 * share over the projects of its account.
 */
final class ProportionalSplit {

    private ProportionalSplit() {
    }

    /**
     * Splits {@code amount} in proportion to {@code weights}.
     *
     * @param weights non-negative, with a positive sum, in the order that breaks ties for the
     *                largest weight (the first wins)
     * @return one share per weight, in the same order, adding up exactly to {@code amount}
     * @throws IllegalArgumentException if a weight is negative or all are zero
     */
    static List<Emissions> split(Emissions amount, List<BigDecimal> weights) {
        List<BigDecimal> scope1 = ExactSplit.split(amount.scope1KgCo2e(), weights);
        List<BigDecimal> scope2Location = ExactSplit.split(amount.scope2LocationKgCo2e(), weights);
        List<BigDecimal> scope2Market = ExactSplit.split(amount.scope2MarketKgCo2e(), weights);
        List<BigDecimal> scope3 = ExactSplit.split(amount.scope3KgCo2e(), weights);
        List<BigDecimal> combinedLocation =
                ExactSplit.split(amount.combinedLocationKgCo2e(), weights);
        List<BigDecimal> combinedMarket = ExactSplit.split(amount.combinedMarketKgCo2e(), weights);

        return IntStream.range(0, weights.size())
                .mapToObj(i -> new Emissions(scope1.get(i), scope2Location.get(i),
                        scope2Market.get(i), scope3.get(i), combinedLocation.get(i),
                        combinedMarket.get(i)))
                .toList();
    }
}
