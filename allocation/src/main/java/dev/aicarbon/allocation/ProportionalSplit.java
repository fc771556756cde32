package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an amount of emissions in proportion to weights, following the rounding rule stated
 * on {@link Allocator}: every share but one is rounded, and the share of the largest weight
 * takes the remainder, so the shares add up to the amount exactly, component by component.
 *
 * <p>Used for both splits the engine makes: a cell over its usage lines, and a shared line's
 * share over the projects of its account.
 */
final class ProportionalSplit {

    /** Decimal places of every rounded share, in kgCO2e. */
    static final int SHARE_SCALE = 12;

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
        BigDecimal totalWeight = sumOf(weights);
        if (totalWeight.signum() <= 0) {
            throw new IllegalArgumentException("weights must have a positive sum: " + weights);
        }

        int remainderIndex = indexOfLargest(weights);
        List<Emissions> shares = new ArrayList<>(weights.size());
        Emissions othersTotal = Emissions.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal weight = weights.get(i);
            Emissions share = i == remainderIndex
                    ? Emissions.ZERO
                    : amount.map(component -> roundedShare(component, weight, totalWeight));
            shares.add(share);
            othersTotal = othersTotal.plus(share);
        }
        shares.set(remainderIndex, amount.minus(othersTotal));

        return shares;
    }

    private static BigDecimal roundedShare(BigDecimal component, BigDecimal weight,
            BigDecimal totalWeight) {
        return component.multiply(weight)
                .divide(totalWeight, SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal sumOf(List<BigDecimal> weights) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("negative weight: " + weight);
            }
            sum = sum.add(weight);
        }
        return sum;
    }

    private static int indexOfLargest(List<BigDecimal> weights) {
        int largest = 0;
        for (int i = 1; i < weights.size(); i++) {
            if (weights.get(i).compareTo(weights.get(largest)) > 0) {
                largest = i;
            }
        }
        return largest;
    }
}
