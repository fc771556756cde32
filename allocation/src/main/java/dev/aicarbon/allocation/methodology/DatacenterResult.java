package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;

/**
 * A datacenter's emissions in the month computed (steps 1 and 2).
 *
 * @param assetsAmortising assets whose lifetime covers the month, so that they contribute to
 *                         scope 3 (retired ones included)
 * @param itEnergyKwh      the month's reported IT energy; zero when {@code energyReported} is
 *                         false
 * @param energyReported   false when the month had no {@link DatacenterMonth} for this
 *                         datacenter: its scope 1 and scope 2 are then zero for want of data,
 *                         not measured as zero, and a reader of the result must be told
 */
public record DatacenterResult(
        String datacenter,
        String region,
        ModelledEmissions emissions,
        int assetsAmortising,
        BigDecimal itEnergyKwh,
        boolean energyReported) {
}
