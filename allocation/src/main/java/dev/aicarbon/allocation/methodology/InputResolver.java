package dev.aicarbon.allocation.methodology;

import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Indexes the inputs of a month and checks that everything they name exists, once: so that no
 * emission factor, model or datacenter is ever assumed. Collects every problem before failing.
 *
 * <p>Datacenter months and usage of other months are neither read nor checked. Not
 * thread-safe: one resolver per computation.
 */
final class InputResolver {

    private final YearMonth month;
    private final MethodologyInputs inputs;
    private final Set<String> problems = new TreeSet<>();

    private InputResolver(YearMonth month, MethodologyInputs inputs) {
        this.month = month;
        this.inputs = inputs;
    }

    /**
     * The month's inputs, indexed.
     *
     * @throws UnresolvedReferenceException listing every problem, in alphabetical order
     */
    static ResolvedInputs resolve(YearMonth month, MethodologyInputs inputs) {
        return new InputResolver(month, inputs).resolve();
    }

    private ResolvedInputs resolve() {
        List<DatacenterMonth> reports = inputs.datacenterMonths().stream()
                .filter(report -> report.month().equals(month))
                .toList();
        List<ConsumerUsage> usage = inputs.usage().stream()
                .filter(row -> row.month().equals(month))
                .toList();

        Map<String, ComponentFactor> factors =
                index(inputs.factors(), ComponentFactor::component, "component factor ");
        Map<String, HardwareModel> models =
                index(inputs.models(), HardwareModel::model, "hardware model ");
        Map<String, Datacenter> datacenters =
                index(inputs.datacenters(), Datacenter::datacenter, "datacenter ");
        index(inputs.assets(), Asset::assetId, "asset "); // checked for duplicates only
        Map<String, DatacenterMonth> reportByDatacenter =
                index(reports, DatacenterMonth::datacenter, "datacenter month " + month + " of ");
        checkModels(models.values(), factors);
        checkAssets(models, datacenters);
        checkReports(reports, datacenters);
        checkUsage(usage, datacenters.values());

        if (!problems.isEmpty()) {
            throw new UnresolvedReferenceException(List.copyOf(problems));
        }
        return new ResolvedInputs(factors, models, new TreeMap<>(datacenters),
                assetsByDatacenter(), reportByDatacenter, usage);
    }

    /** Items by key; a key held by several items is a problem (the first is kept). */
    private <T> Map<String, T> index(List<T> items, Function<T, String> key, String what) {
        Map<String, T> byKey = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (T item : items) {
            byKey.putIfAbsent(key.apply(item), item);
            count.merge(key.apply(item), 1, Integer::sum);
        }
        count.forEach((name, times) -> {
            if (times > 1) {
                problems.add(what + name + " is defined " + times + " times");
            }
        });
        return byKey;
    }

    private void checkModels(Collection<HardwareModel> models,
            Map<String, ComponentFactor> factors) {
        for (HardwareModel model : models) {
            for (BomLine line : model.components()) {
                if (!factors.containsKey(line.component())) {
                    problems.add(unknownComponent(model, line));
                }
            }
        }
    }

    private void checkAssets(Map<String, HardwareModel> models,
            Map<String, Datacenter> datacenters) {
        for (Asset asset : inputs.assets()) {
            if (!models.containsKey(asset.model())) {
                problems.add("asset " + asset.assetId() + " is of unknown hardware model "
                        + asset.model());
            }
            if (!datacenters.containsKey(asset.datacenter())) {
                problems.add("asset " + asset.assetId() + " is in unknown datacenter "
                        + asset.datacenter());
            }
            if (asset.retiredDate() != null
                    && asset.retiredDate().isBefore(asset.inServiceDate())) {
                problems.add("asset " + asset.assetId() + " retired on " + asset.retiredDate()
                        + ", before entering service on " + asset.inServiceDate());
            }
        }
    }

    private void checkReports(List<DatacenterMonth> reports,
            Map<String, Datacenter> datacenters) {
        for (DatacenterMonth report : reports) {
            if (!datacenters.containsKey(report.datacenter())) {
                problems.add("datacenter month " + month + " is of unknown datacenter "
                        + report.datacenter());
            }
        }
    }

    /** Usage of a region without datacenters would silently weigh against zero emissions. */
    private void checkUsage(List<ConsumerUsage> usage, Collection<Datacenter> datacenters) {
        Set<String> regions = datacenters.stream()
                .map(Datacenter::region)
                .collect(Collectors.toSet());
        for (ConsumerUsage row : usage) {
            if (!regions.contains(row.region())) {
                problems.add("usage of " + row.consumer() + " in " + month
                        + " is in unknown region " + row.region());
            }
        }
    }

    private Map<String, List<Asset>> assetsByDatacenter() {
        return inputs.assets().stream()
                .collect(Collectors.groupingBy(Asset::datacenter));
    }

    static String unknownComponent(HardwareModel model, BomLine line) {
        return "hardware model " + model.model() + " has unknown component " + line.component();
    }
}
