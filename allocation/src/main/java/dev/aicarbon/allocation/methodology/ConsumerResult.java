package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;

/**
 * A consumer's emissions in one region, under one service model, in the month computed.
 *
 * @param normalisedUsage the sum of the consumer's usage rows with this key
 * @param weightedUsage   {@code normalisedUsage} × the policy's weight for the service model
 * @param emissions       its exact share of the region's emissions, per component
 */
public record ConsumerResult(
        String consumer,
        String region,
        ServiceModel serviceModel,
        BigDecimal normalisedUsage,
        BigDecimal weightedUsage,
        ModelledEmissions emissions) {
}
