package dev.aicarbon.allocation.methodology;

import java.time.YearMonth;
import java.util.List;

/**
 * The seven-step model's answer for one month.
 *
 * @param datacenters every datacenter of the inputs, by name
 * @param regions     every region that has a datacenter, by name
 * @param consumers   one row per consumer, region and service model with usage rows in the
 *                    month, by consumer, then region, then service model
 */
public record MethodologyResult(
        YearMonth month,
        List<DatacenterResult> datacenters,
        List<RegionResult> regions,
        List<ConsumerResult> consumers) {

    public MethodologyResult {
        datacenters = List.copyOf(datacenters);
        regions = List.copyOf(regions);
        consumers = List.copyOf(consumers);
    }
}
