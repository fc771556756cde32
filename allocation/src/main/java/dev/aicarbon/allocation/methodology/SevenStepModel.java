package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Attributes a month's modelled datacenter emissions to the consumers of each region, after
 * the seven-step method Azure publishes: hardware emissions from bills of materials, amortised
 * per datacenter and month with energy and direct emissions, summed per region, then shared
 * over normalised usage.
 *
 * <p><b>Scope 3.</b> An asset's embodied emissions are spread over the policy's lifetime,
 * counted from the calendar month it entered service; see {@link Amortisation} for the
 * rounding that keeps the monthly shares summing to the embodied emissions exactly.
 * Retirement does not stop amortisation.
 *
 * <p><b>Scope 2</b> is {@code itEnergyKwh × pue × factor}, location-based and market-based,
 * exact. <b>Scope 1</b> is the month's reported direct emissions. A datacenter with no report
 * for the month gets zero for both, marked {@code energyReported = false}.
 *
 * <p><b>Attribution.</b> Usage is weighed by service model; each region component is split
 * exactly over the weighted usage (see {@link RegionAttribution}), and a region without usage
 * keeps everything as {@value RegionResult#UNUSED_CAPACITY}.
 *
 * <p><b>Conservation.</b> Before returning, per region and component, the consumers plus
 * unused capacity must equal the region exactly; otherwise {@link IllegalStateException}.
 *
 * <p>Immutable and thread-safe; each call works on its own state.
 */
public final class SevenStepModel {

    /** Orders a region's usage rows; the first of equal largest takes its split's remainder. */
    private static final Comparator<WeightedUsage> USAGE_ORDER = Comparator
            .comparing(WeightedUsage::consumer)
            .thenComparing(WeightedUsage::serviceModel);

    private static final Comparator<ConsumerResult> CONSUMER_ORDER = Comparator
            .comparing(ConsumerResult::consumer)
            .thenComparing(ConsumerResult::region)
            .thenComparing(ConsumerResult::serviceModel);

    private final MethodologyPolicy policy;
    private final Amortisation amortisation;

    /** A model computing with {@code policy}, not null. */
    public SevenStepModel(MethodologyPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.amortisation = new Amortisation(policy.lifetimeMonths());
    }

    /**
     * Step 1 for one model: the sum over its bill of materials of quantity × factor, per
     * stage, exact.
     *
     * @param factorByComponent factors keyed by component name
     * @throws UnresolvedReferenceException listing every component without a factor
     */
    public static StageAmounts embodied(HardwareModel model,
            Map<String, ComponentFactor> factorByComponent) {
        List<String> problems = model.components().stream()
                .filter(line -> !factorByComponent.containsKey(line.component()))
                .map(line -> InputResolver.unknownComponent(model, line))
                .distinct()
                .toList();
        if (!problems.isEmpty()) {
            throw new UnresolvedReferenceException(problems);
        }

        return model.components().stream()
                .map(line -> factorByComponent.get(line.component())
                        .kgCo2ePerUnit()
                        .times(line.quantity()))
                .reduce(StageAmounts.ZERO, StageAmounts::plus);
    }

    /**
     * Computes {@code month}, reading only the datacenter months and usage of that month.
     *
     * @throws UnresolvedReferenceException listing every unknown or duplicated reference
     * @throws IllegalStateException        if a region's emissions were not conserved (a bug)
     */
    public MethodologyResult compute(YearMonth month, MethodologyInputs inputs) {
        // Plan:
        // 0. Resolve: every model, component, datacenter and region named exists, once.
        // 1. Embodied emissions of each hardware model from its bill of materials.
        // 2. Each datacenter's month: scope 3 amortised from its assets, scope 2 from its
        //    energy, scope 1 as reported.
        // 3. Each region: the sum of its datacenters.
        // 4. Each consumer's usage per region and service model, weighed by service model.
        // 5. Each region's factors per unit of weighted usage, or all to unused capacity.
        // 6. Each consumer's emissions: the region's split exactly over weighted usage.
        // 7. Check that each region's consumers and unused capacity add up to the region.
        ResolvedInputs resolved = InputResolver.resolve(month, inputs);
        Map<String, StageAmounts> embodiedByModel = embodiedByModel(resolved);
        List<DatacenterResult> datacenters = datacenterEmissions(month, resolved, embodiedByModel);
        SortedMap<String, ModelledEmissions> regionEmissions = regionEmissions(datacenters);
        Map<String, List<WeightedUsage>> usageByRegion = weightedUsage(resolved.usage());
        List<RegionAttribution> attributions =
                attributeRegions(month, regionEmissions, usageByRegion);

        return result(month, datacenters, attributions);
    }

    /** Step 1. */
    private static Map<String, StageAmounts> embodiedByModel(ResolvedInputs resolved) {
        Map<String, StageAmounts> embodiedByModel = new LinkedHashMap<>();
        resolved.modelByName().forEach((name, model) ->
                embodiedByModel.put(name, embodied(model, resolved.factorByComponent())));
        return embodiedByModel;
    }

    /** Step 2, every datacenter in name order. */
    private List<DatacenterResult> datacenterEmissions(YearMonth month, ResolvedInputs resolved,
            Map<String, StageAmounts> embodiedByModel) {
        return resolved.datacenterByName().values().stream()
                .map(datacenter -> datacenterEmissions(month, datacenter,
                        resolved.assetsByDatacenter().getOrDefault(datacenter.datacenter(),
                                List.of()),
                        resolved.reportByDatacenter().get(datacenter.datacenter()),
                        embodiedByModel))
                .toList();
    }

    /** @param report the month's report, or null when the datacenter sent none */
    private DatacenterResult datacenterEmissions(YearMonth month, Datacenter datacenter,
            List<Asset> assets, DatacenterMonth report, Map<String, StageAmounts> embodiedByModel) {
        List<Asset> amortising = assets.stream()
                .filter(asset -> amortisation.covers(firstMonth(asset), month))
                .toList();
        StageAmounts scope3 = amortising.stream()
                .map(asset -> amortisation.shareIn(month, firstMonth(asset),
                        embodiedByModel.get(asset.model())))
                .reduce(StageAmounts.ZERO, StageAmounts::plus);

        if (report == null) {
            ModelledEmissions emissions = new ModelledEmissions(
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, scope3);
            return new DatacenterResult(datacenter.datacenter(), datacenter.region(), emissions,
                    amortising.size(), BigDecimal.ZERO, false);
        }
        ModelledEmissions emissions = new ModelledEmissions(
                report.scope1KgCo2e(),
                report.facilityEnergyKwh().multiply(report.locationKgCo2ePerKwh()),
                report.facilityEnergyKwh().multiply(report.marketKgCo2ePerKwh()),
                scope3);
        return new DatacenterResult(datacenter.datacenter(), datacenter.region(), emissions,
                amortising.size(), report.itEnergyKwh(), true);
    }

    /** The month an asset entered service: the first of its lifetime, whatever the day. */
    private static YearMonth firstMonth(Asset asset) {
        return YearMonth.from(asset.inServiceDate());
    }

    /** Step 3: every region that has a datacenter, in name order. */
    private static SortedMap<String, ModelledEmissions> regionEmissions(
            List<DatacenterResult> datacenters) {
        SortedMap<String, ModelledEmissions> byRegion = new TreeMap<>();
        for (DatacenterResult datacenter : datacenters) {
            byRegion.merge(datacenter.region(), datacenter.emissions(), ModelledEmissions::plus);
        }
        return byRegion;
    }

    /**
     * Step 4: rows with the same consumer, region and service model summed, then weighed;
     * by region, each in consumer and service model order.
     */
    private Map<String, List<WeightedUsage>> weightedUsage(List<ConsumerUsage> usage) {
        Map<UsageKey, BigDecimal> usageByKey = usage.stream()
                .collect(Collectors.toMap(
                        row -> new UsageKey(row.consumer(), row.region(), row.serviceModel()),
                        ConsumerUsage::normalisedUsage,
                        BigDecimal::add));

        return usageByKey.entrySet().stream()
                .map(entry -> weigh(entry.getKey(), entry.getValue()))
                .sorted(USAGE_ORDER)
                .collect(Collectors.groupingBy(WeightedUsage::region, Collectors.toList()));
    }

    private WeightedUsage weigh(UsageKey key, BigDecimal normalisedUsage) {
        BigDecimal weight = policy.weightOf(key.serviceModel());
        return new WeightedUsage(key.consumer(), key.region(), key.serviceModel(),
                normalisedUsage, normalisedUsage.multiply(weight));
    }

    /** Steps 5, 6 and 7, region by region in name order. */
    private static List<RegionAttribution> attributeRegions(YearMonth month,
            SortedMap<String, ModelledEmissions> regionEmissions,
            Map<String, List<WeightedUsage>> usageByRegion) {
        List<RegionAttribution> attributions = new ArrayList<>();
        regionEmissions.forEach((region, emissions) -> {
            RegionAttribution attribution = RegionAttribution.of(region, emissions,
                    usageByRegion.getOrDefault(region, List.of()));
            ConservationCheck.requireConserved(month, attribution.region(),
                    attribution.consumers());
            attributions.add(attribution);
        });
        return attributions;
    }

    private static MethodologyResult result(YearMonth month, List<DatacenterResult> datacenters,
            List<RegionAttribution> attributions) {
        List<RegionResult> regions = attributions.stream()
                .map(RegionAttribution::region)
                .toList();
        List<ConsumerResult> consumers = attributions.stream()
                .flatMap(attribution -> attribution.consumers().stream())
                .sorted(CONSUMER_ORDER)
                .toList();
        return new MethodologyResult(month, datacenters, regions, consumers);
    }

    private record UsageKey(String consumer, String region, ServiceModel serviceModel) {
    }
}
