package dev.aicarbon.allocation.methodology;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The inputs of one month, indexed, with every reference checked (step 0 of
 * {@link SevenStepModel#compute}).
 *
 * @param factorByComponent  every component factor, by component
 * @param modelByName        every hardware model, by name
 * @param datacenterByName   every datacenter, in name order
 * @param assetsByDatacenter the assets of each datacenter that has any
 * @param reportByDatacenter the month's report of each datacenter that sent one
 * @param usage              the month's usage rows
 */
record ResolvedInputs(
        Map<String, ComponentFactor> factorByComponent,
        Map<String, HardwareModel> modelByName,
        SortedMap<String, Datacenter> datacenterByName,
        Map<String, List<Asset>> assetsByDatacenter,
        Map<String, DatacenterMonth> reportByDatacenter,
        List<ConsumerUsage> usage) {
}
