package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;

/**
 * A region's emissions in the month computed and how they were attributed (steps 3 to 7).
 *
 * <p>Invariant, checked before the model returns: per component, the emissions of the
 * region's consumers plus {@code unusedCapacity} equal {@code emissions} exactly.
 *
 * @param emissions      the sum of the region's datacenters
 * @param totalUsage     the sum of the region's weighted usage
 * @param factors        emissions per unit of weighted usage; null when {@code totalUsage} is
 *                       zero, since nothing can be attributed per unit then
 * @param unusedCapacity the emissions no consumer used: all of them when {@code totalUsage}
 *                       is zero, otherwise zero
 */
public record RegionResult(
        String region,
        ModelledEmissions emissions,
        BigDecimal totalUsage,
        RegionFactors factors,
        ModelledEmissions unusedCapacity) {

    /** The name of the bucket unattributed emissions are reported under. */
    public static final String UNUSED_CAPACITY = "unused-capacity";
}
