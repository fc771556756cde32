package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one amount in proportion to weights so that the shares add up to the amount exactly.
 *
 * <p><b>Rounding.</b> Every share but one is {@code amount × weight ÷ totalWeight}, rounded
 * HALF_EVEN to {@value #SHARE_SCALE} decimal places. The share of the largest weight (the
 * first of equal largest ones) is the amount minus all the other shares, so it absorbs the
 * rounding. Known shortcoming: that remainder can fall below zero, by at most
 * (n−1) × 0.5e-12, when the amount is below n(n−1) × 0.5e-12 for n weights; a
 * largest-remainder rule would lift it.
 *
 * <p>This is the one rule every split in the engine follows: {@link Allocator} (through
 * {@code ProportionalSplit}, component by component) and the seven-step methodology. Stateless
 * and thread-safe.
 */
public final class ExactSplit {

    /** Decimal places of every rounded share (a nanogram when the amount is in kgCO2e). */
    public static final int SHARE_SCALE = 12;

    private ExactSplit() {
    }

    /**
     * Splits {@code amount} in proportion to {@code weights}.
     *
     * @param amount  any sign, not null
     * @param weights non-negative, with a positive sum, in the order that breaks ties for the
     *                largest weight (the first wins); not null, no null element
     * @return one share per weight, in the same order, adding up exactly to {@code amount};
     *         unmodifiable
     * @throws IllegalArgumentException if a weight is negative or all are zero
     */
    public static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
        BigDecimal totalWeight = sumOf(weights);
        if (totalWeight.signum() <= 0) {
            throw new IllegalArgumentException("weights must have a positive sum: " + weights);
        }

        int remainderIndex = indexOfLargest(weights);
        List<BigDecimal> shares = new ArrayList<>(weights.size());
        BigDecimal othersTotal = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal share = i == remainderIndex
                    ? BigDecimal.ZERO
                    : roundedShare(amount, weights.get(i), totalWeight);
            shares.add(share);
            othersTotal = othersTotal.add(share);
        }
        shares.set(remainderIndex, amount.subtract(othersTotal));

        return List.copyOf(shares);
    }

    private static BigDecimal roundedShare(BigDecimal amount, BigDecimal weight,
            BigDecimal totalWeight) {
        return amount.multiply(weight)
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
