package dev.aicarbon.allocation.methodology;

import java.util.List;

/**
 * Everything the seven-step model reads. The catalogue (factors, models), the datacenters and
 * the assets hold for every month; datacenter months and usage may span several months, of
 * which a computation reads only the month it is asked for.
 *
 * <p>Lists are copied; none may be null or hold null.
 */
public record MethodologyInputs(
        List<ComponentFactor> factors,
        List<HardwareModel> models,
        List<Datacenter> datacenters,
        List<Asset> assets,
        List<DatacenterMonth> datacenterMonths,
        List<ConsumerUsage> usage) {

    public MethodologyInputs {
        factors = List.copyOf(factors);
        models = List.copyOf(models);
        datacenters = List.copyOf(datacenters);
        assets = List.copyOf(assets);
        datacenterMonths = List.copyOf(datacenterMonths);
        usage = List.copyOf(usage);
    }
}
