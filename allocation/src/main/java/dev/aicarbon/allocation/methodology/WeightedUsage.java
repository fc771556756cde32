package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;

/**
 * A consumer's usage of a region under one service model, summed over its rows and weighed
 * by the policy (step 4).
 *
 * @param weightedUsage {@code normalisedUsage} × the service model's weight, exact
 */
record WeightedUsage(
        String consumer,
        String region,
        ServiceModel serviceModel,
        BigDecimal normalisedUsage,
        BigDecimal weightedUsage) {

    ConsumerResult withEmissions(ModelledEmissions emissions) {
        return new ConsumerResult(consumer, region, serviceModel, normalisedUsage, weightedUsage,
                emissions);
    }
}
