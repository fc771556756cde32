package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A consumer's normalised usage of a region's capacity in one month.
 *
 * <p>Rows with the same consumer, region, month and service model add up.
 *
 * @param region          must be the region of some {@link Datacenter}
 * @param normalisedUsage usage in the region's common unit (normalised core-hours, say); not
 *                        negative
 */
public record ConsumerUsage(
        String region,
        YearMonth month,
        String consumer,
        ServiceModel serviceModel,
        BigDecimal normalisedUsage) {

    public ConsumerUsage {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(serviceModel, "serviceModel");
        Objects.requireNonNull(normalisedUsage, "normalisedUsage");
        if (normalisedUsage.signum() < 0) {
            throw new IllegalArgumentException("negative usage of " + consumer + " in " + region
                    + " " + month + ": " + normalisedUsage);
        }
    }
}
