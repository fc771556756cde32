package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The choices the seven-step model computes with.
 *
 * @param lifetimeMonths      months over which hardware is amortised; at least 1
 * @param serviceModelWeights what one unit of usage weighs under each service model; every
 *                            model present (none is assumed), none negative
 */
public record MethodologyPolicy(
        int lifetimeMonths,
        Map<ServiceModel, BigDecimal> serviceModelWeights) {

    /** Hardware lives six years (72 months); every service model weighs 1. */
    public static final MethodologyPolicy DEFAULT = new MethodologyPolicy(72, Map.of(
            ServiceModel.IAAS, BigDecimal.ONE,
            ServiceModel.PAAS, BigDecimal.ONE,
            ServiceModel.SAAS, BigDecimal.ONE));

    public MethodologyPolicy {
        if (lifetimeMonths < 1) {
            throw new IllegalArgumentException("lifetimeMonths must be at least 1: "
                    + lifetimeMonths);
        }
        serviceModelWeights = Map.copyOf(serviceModelWeights);
        requireEveryModelWeighed(serviceModelWeights);
    }

    /** What one unit of usage weighs under {@code model}. */
    public BigDecimal weightOf(ServiceModel model) {
        return serviceModelWeights.get(model);
    }

    public MethodologyPolicy withLifetimeMonths(int months) {
        return new MethodologyPolicy(months, serviceModelWeights);
    }

    public MethodologyPolicy withWeight(ServiceModel model, BigDecimal weight) {
        Map<ServiceModel, BigDecimal> weights = new EnumMap<>(serviceModelWeights);
        weights.put(model, weight);
        return new MethodologyPolicy(lifetimeMonths, weights);
    }

    private static void requireEveryModelWeighed(Map<ServiceModel, BigDecimal> weights) {
        Set<ServiceModel> missing = EnumSet.allOf(ServiceModel.class);
        missing.removeAll(weights.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no weight for service models " + missing);
        }
        weights.forEach((model, weight) -> {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("negative weight for " + model.label() + ": "
                        + weight);
            }
        });
    }
}
