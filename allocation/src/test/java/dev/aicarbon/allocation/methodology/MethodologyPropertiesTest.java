package dev.aicarbon.allocation.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Conservation, region sums and amortisation on generated catalogues, assets, datacenter
 * months and usage. Four datacenters in three regions: r1 has two, and any region may have no
 * usage, no report or no asset in the month.
 */
class MethodologyPropertiesTest {

    private static final YearMonth MONTH = YearMonth.of(2025, 5);
    private static final List<String> COMPONENTS = List.of("c1", "c2", "c3");
    private static final List<Datacenter> DATACENTERS = List.of(
            new Datacenter("dc-a", "r1"),
            new Datacenter("dc-b", "r1"),
            new Datacenter("dc-c", "r2"),
            new Datacenter("dc-d", "r3"));

    record Scenario(MethodologyPolicy policy, MethodologyInputs inputs) {

        MethodologyResult compute() {
            return new SevenStepModel(policy).compute(MONTH, inputs);
        }
    }

    /** One asset alone in dc-a, amortised over {@code policy}'s lifetime. */
    record OneAsset(MethodologyPolicy policy, ComponentFactor factor, HardwareModel model,
            Asset asset) {

        MethodologyInputs inputs() {
            return new MethodologyInputs(List.of(factor), List.of(model), DATACENTERS,
                    List.of(asset), List.of(), List.of());
        }
    }

    @Property(tries = 300)
    void givesEachRegionsEmissionsToItsConsumersAndUnusedCapacityExactly(
            @ForAll("scenarios") Scenario scenario) {
        MethodologyResult result = scenario.compute();

        for (RegionResult region : result.regions()) {
            ModelledEmissions attributed = result.consumers().stream()
                    .filter(consumer -> consumer.region().equals(region.region()))
                    .map(ConsumerResult::emissions)
                    .reduce(region.unusedCapacity(), ModelledEmissions::plus);
            for (ModelledComponent component : ModelledComponent.values()) {
                assertThat(component.of(attributed))
                        .as("%s of %s", component.label(), region.region())
                        .isEqualByComparingTo(component.of(region.emissions()));
            }
            assertThat(region.factors() == null)
                    .as("factors of %s are null exactly when it has no usage", region.region())
                    .isEqualTo(region.totalUsage().signum() == 0);
        }
    }

    @Property(tries = 300)
    void makesEachRegionTheSumOfItsDatacenters(@ForAll("scenarios") Scenario scenario) {
        MethodologyResult result = scenario.compute();

        assertThat(result.regions()).extracting(RegionResult::region)
                .containsExactly("r1", "r2", "r3");
        for (RegionResult region : result.regions()) {
            ModelledEmissions datacentersTotal = result.datacenters().stream()
                    .filter(datacenter -> datacenter.region().equals(region.region()))
                    .map(DatacenterResult::emissions)
                    .reduce(ModelledEmissions.ZERO, ModelledEmissions::plus);
            for (ModelledComponent component : ModelledComponent.values()) {
                assertThat(component.of(region.emissions()))
                        .as("%s of %s", component.label(), region.region())
                        .isEqualByComparingTo(component.of(datacentersTotal));
            }
        }
    }

    @Property(tries = 100)
    void givesTheSameResultWhateverTheInputOrder(@ForAll("scenarios") Scenario scenario,
            @ForAll Random random) {
        MethodologyInputs inputs = scenario.inputs();
        MethodologyInputs shuffled = new MethodologyInputs(
                shuffle(inputs.factors(), random),
                shuffle(inputs.models(), random),
                shuffle(inputs.datacenters(), random),
                shuffle(inputs.assets(), random),
                shuffle(inputs.datacenterMonths(), random),
                shuffle(inputs.usage(), random));

        MethodologyResult result = new SevenStepModel(scenario.policy()).compute(MONTH, shuffled);

        assertThat(result).isEqualTo(scenario.compute());
    }

    /*
     *  months:  first − 3 ... first − 1 | first ... first + L − 1 | first + L ... first + L + 2
     *  share:   zero                    | adds up to embodied     | zero
     */
    @Property(tries = 60)
    void amortisesAnAssetToExactlyItsEmbodiedEmissionsWithinItsLifetime(
            @ForAll("oneAsset") OneAsset scenario) {
        SevenStepModel model = new SevenStepModel(scenario.policy());
        int lifetime = scenario.policy().lifetimeMonths();
        YearMonth first = YearMonth.from(scenario.asset().inServiceDate());

        StageAmounts withinLifetime = StageAmounts.ZERO;
        for (int offset = -3; offset < lifetime + 3; offset++) {
            YearMonth month = first.plusMonths(offset);
            StageAmounts share = scope3OfAssetIn(model, scenario.inputs(), month);
            if (offset >= 0 && offset < lifetime) {
                withinLifetime = withinLifetime.plus(share);
            } else {
                assertStagesZero(share, month);
            }
        }

        StageAmounts embodied = SevenStepModel.embodied(scenario.model(),
                Map.of(scenario.factor().component(), scenario.factor()));
        MethodologyFixtures.assertStages(withinLifetime, embodied);
    }

    // ---- generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<ComponentFactor>> factors = stageAmounts().list().ofSize(COMPONENTS.size())
                .map(MethodologyPropertiesTest::factorsOf);
        Arbitrary<List<HardwareModel>> models = bom().list().ofSize(3)
                .map(MethodologyPropertiesTest::numberModels);
        Arbitrary<List<Asset>> assets = asset(Arbitraries.of("m0", "m1", "m2"))
                .list().ofMaxSize(15)
                .map(MethodologyPropertiesTest::numberAssets);
        Arbitrary<List<DatacenterMonth>> reports = report().injectNull(0.3)
                .list().ofSize(DATACENTERS.size())
                .map(MethodologyPropertiesTest::reportsOf);
        Arbitrary<List<ConsumerUsage>> usage = usage().list().ofMaxSize(12);

        return Combinators.combine(policies(), factors, models, assets, reports, usage)
                .as((policy, factorList, modelList, assetList, reportList, usageList) ->
                        new Scenario(policy, new MethodologyInputs(factorList,
                                modelList, DATACENTERS, assetList, reportList, usageList)));
    }

    @Provide
    Arbitrary<OneAsset> oneAsset() {
        Arbitrary<MethodologyPolicy> policies = Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(72)),
                        Tuple.of(3, Arbitraries.integers().between(1, 84)))
                .map(MethodologyPolicy.DEFAULT::withLifetimeMonths);
        Arbitrary<HardwareModel> model = quantity().map(quantity ->
                new HardwareModel("m0", List.of(new BomLine("c1", quantity))));
        return Combinators.combine(policies, stageAmounts(), model,
                        asset(Arbitraries.just("m0")))
                .as((policy, perUnit, hardware, asset) -> new OneAsset(policy,
                        new ComponentFactor("c1", "each", perUnit), hardware, asset));
    }

    private static Arbitrary<MethodologyPolicy> policies() {
        Arbitrary<Integer> lifetimes = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(72)),
                Tuple.of(1, Arbitraries.integers().between(1, 96)));
        Arbitrary<BigDecimal> weights = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(4, Arbitraries.bigDecimals()
                        .between(new BigDecimal("0.1"), new BigDecimal("3"))
                        .ofScale(1)));
        return Combinators.combine(lifetimes, weights, weights, weights)
                .as((lifetime, iaas, paas, saas) -> new MethodologyPolicy(lifetime, Map.of(
                        ServiceModel.IAAS, iaas,
                        ServiceModel.PAAS, paas,
                        ServiceModel.SAAS, saas)));
    }

    /** Up to 5000 kg per unit with 0 to 6 places; end of life may be a credit (negative). */
    private static Arbitrary<StageAmounts> stageAmounts() {
        return Combinators.combine(kilograms("0"), kilograms("0"), kilograms("-50"))
                .as(StageAmounts::new);
    }

    private static Arbitrary<BigDecimal> kilograms(String min) {
        Arbitrary<BigDecimal> amounts = Arbitraries.integers().between(0, 6)
                .flatMap(scale -> Arbitraries.bigDecimals()
                        .between(new BigDecimal(min), new BigDecimal("5000"))
                        .ofScale(scale));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(5, amounts));
    }

    private static Arbitrary<BigDecimal> quantity() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("512"))
                .ofScale(2);
    }

    private static Arbitrary<List<BomLine>> bom() {
        Arbitrary<BomLine> line = Combinators.combine(Arbitraries.of(COMPONENTS), quantity())
                .as(BomLine::new);
        return line.list().ofMinSize(1).ofMaxSize(4);
    }

    /** In service between 2018 and 2025 (some after the month), retired after or never. */
    private static Arbitrary<Asset> asset(Arbitrary<String> models) {
        Arbitrary<LocalDate> inService = Arbitraries.integers().between(0, 8 * 366)
                .map(days -> LocalDate.of(2018, 1, 1).plusDays(days));
        Arbitrary<Integer> daysInService = Arbitraries.integers().between(0, 3000)
                .injectNull(0.5);
        return Combinators.combine(models, Arbitraries.of(DATACENTERS), inService, daysInService)
                .as((model, datacenter, from, days) -> new Asset("unnumbered", model,
                        datacenter.datacenter(), from, days == null ? null : from.plusDays(days)));
    }

    private static Arbitrary<DatacenterMonth> report() {
        Arbitrary<BigDecimal> energy = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1000000"))
                .ofScale(3);
        Arbitrary<BigDecimal> pue = Arbitraries.bigDecimals()
                .between(BigDecimal.ONE, new BigDecimal("2"))
                .ofScale(2);
        Arbitrary<BigDecimal> gridFactor = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.ONE)
                .ofScale(4);
        return Combinators.combine(energy, pue, gridFactor, gridFactor, kilograms("0"))
                .as((kwh, ratio, location, market, scope1) ->
                        new DatacenterMonth("unassigned", MONTH, kwh, ratio, location, market,
                                scope1));
    }

    /** Usage in the month or, now and then, the month before (to be ignored). */
    private static Arbitrary<ConsumerUsage> usage() {
        Arbitrary<BigDecimal> amounts = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(5, Arbitraries.bigDecimals()
                        .between(new BigDecimal("0.001"), new BigDecimal("500"))
                        .ofScale(3)));
        return Combinators.combine(
                        Arbitraries.of("r1", "r2", "r3"),
                        Arbitraries.frequencyOf(
                                Tuple.of(6, Arbitraries.just(MONTH)),
                                Tuple.of(1, Arbitraries.just(MONTH.minusMonths(1)))),
                        Arbitraries.of("x", "y", "z"),
                        Arbitraries.of(ServiceModel.class),
                        amounts)
                .as(ConsumerUsage::new);
    }

    // ---- assembling -------------------------------------------------------------------------

    private static List<ComponentFactor> factorsOf(List<StageAmounts> perUnit) {
        return IntStream.range(0, COMPONENTS.size())
                .mapToObj(i -> new ComponentFactor(COMPONENTS.get(i), "each", perUnit.get(i)))
                .toList();
    }

    /** Models m0, m1 and m2, which assets name. */
    private static List<HardwareModel> numberModels(List<List<BomLine>> boms) {
        return IntStream.range(0, boms.size())
                .mapToObj(i -> new HardwareModel("m" + i, boms.get(i)))
                .toList();
    }

    private static List<Asset> numberAssets(List<Asset> assets) {
        return IntStream.range(0, assets.size())
                .mapToObj(i -> {
                    Asset asset = assets.get(i);
                    return new Asset("asset-" + i, asset.model(), asset.datacenter(),
                            asset.inServiceDate(), asset.retiredDate());
                })
                .toList();
    }

    /** The i-th report is dc-i's; a null leaves that datacenter unreported. */
    private static List<DatacenterMonth> reportsOf(List<DatacenterMonth> generated) {
        List<DatacenterMonth> reports = new ArrayList<>();
        for (int i = 0; i < DATACENTERS.size(); i++) {
            DatacenterMonth report = generated.get(i);
            if (report != null) {
                reports.add(new DatacenterMonth(DATACENTERS.get(i).datacenter(), MONTH,
                        report.itEnergyKwh(), report.pue(), report.locationKgCo2ePerKwh(),
                        report.marketKgCo2ePerKwh(), report.scope1KgCo2e()));
            }
        }
        return reports;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static StageAmounts scope3OfAssetIn(SevenStepModel model, MethodologyInputs inputs,
            YearMonth month) {
        return model.compute(month, inputs).datacenters().stream()
                .map(datacenter -> datacenter.emissions().scope3())
                .reduce(StageAmounts.ZERO, StageAmounts::plus);
    }

    private static void assertStagesZero(StageAmounts share, YearMonth month) {
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(share.get(stage))
                    .as("%s outside the lifetime, in %s", stage.label(), month)
                    .isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
