package dev.aicarbon.allocation.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small fixtures named by value, a builder of inputs, and assertions on amounts. */
final class MethodologyFixtures {

    static final YearMonth APRIL_2025 = YearMonth.of(2025, 4);
    static final YearMonth MAY_2025 = YearMonth.of(2025, 5);
    static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);

    static final SevenStepModel DEFAULT_MODEL = new SevenStepModel(MethodologyPolicy.DEFAULT);

    /** Per unit: 25 / 1.5 / 0.3 kg (manufacturing / transport / end of life). */
    static final ComponentFactor CPU = factor("cpu", "each", "25", "1.5", "0.3");
    /** Per GB: 0.5 / 0.01 / 0.002 kg. */
    static final ComponentFactor DRAM = factor("dram", "GB", "0.5", "0.01", "0.002");
    /** Per TB: 12 / 0.4 / 0.1 kg. */
    static final ComponentFactor SSD = factor("ssd", "TB", "12", "0.4", "0.1");
    /** Per unit: 7200 / 720 / 72 kg, so 100 / 10 / 1 kg a month over 72 months. */
    static final ComponentFactor CHASSIS = factor("chassis", "each", "7200", "720", "72");

    /**
     * 2 cpu, 256 GB dram, 4 TB ssd: embodied 226 / 7.16 / 1.512 kg, 234.672 kg in all; not
     * divisible by 72.
     */
    static final HardwareModel SERVER_A = new HardwareModel("server-a", List.of(
            new BomLine("cpu", quantity("2")),
            new BomLine("dram", quantity("256")),
            new BomLine("ssd", quantity("4"))));

    /** One chassis: 100 / 10 / 1 kg a month over 72 months. */
    static final HardwareModel RACK_B = new HardwareModel("rack-b", List.of(
            new BomLine("chassis", BigDecimal.ONE)));

    private MethodologyFixtures() {
    }

    static BigDecimal kg(String value) {
        return new BigDecimal(value);
    }

    /** A count of a component's units. */
    static BigDecimal quantity(String value) {
        return new BigDecimal(value);
    }

    static StageAmounts stages(String manufacturing, String transport, String endOfLife) {
        return new StageAmounts(kg(manufacturing), kg(transport), kg(endOfLife));
    }

    static ComponentFactor factor(String component, String unit, String manufacturing,
            String transport, String endOfLife) {
        return new ComponentFactor(component, unit, stages(manufacturing, transport, endOfLife));
    }

    static ModelledEmissions emissions(String scope1, String scope2Location, String scope2Market,
            StageAmounts scope3) {
        return new ModelledEmissions(kg(scope1), kg(scope2Location), kg(scope2Market), scope3);
    }

    static Inputs inputs() {
        return new Inputs();
    }

    static DatacenterResult datacenterOf(MethodologyResult result, String datacenter) {
        return result.datacenters().stream()
                .filter(row -> row.datacenter().equals(datacenter))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no datacenter " + datacenter));
    }

    static RegionResult regionOf(MethodologyResult result, String region) {
        return result.regions().stream()
                .filter(row -> row.region().equals(region))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no region " + region));
    }

    static ConsumerResult consumerOf(MethodologyResult result, String consumer,
            ServiceModel serviceModel) {
        List<ConsumerResult> rows = result.consumers().stream()
                .filter(row -> row.consumer().equals(consumer))
                .filter(row -> row.serviceModel() == serviceModel)
                .toList();
        assertThat(rows).as("rows of %s %s", consumer, serviceModel).hasSize(1);
        return rows.get(0);
    }

    /** Stage by stage, by value. */
    static void assertStages(StageAmounts actual, StageAmounts expected) {
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(actual.get(stage))
                    .as(stage.label())
                    .isEqualByComparingTo(expected.get(stage));
        }
    }

    /** Component by component, by value. */
    static void assertEmissions(ModelledEmissions actual, ModelledEmissions expected) {
        for (ModelledComponent component : ModelledComponent.values()) {
            assertThat(component.of(actual))
                    .as(component.label())
                    .isEqualByComparingTo(component.of(expected));
        }
    }

    /** Inputs built line by line; the catalogue starts empty. */
    static final class Inputs {
        private final List<ComponentFactor> factors = new ArrayList<>();
        private final List<HardwareModel> models = new ArrayList<>();
        private final List<Datacenter> datacenters = new ArrayList<>();
        private final List<Asset> assets = new ArrayList<>();
        private final List<DatacenterMonth> reports = new ArrayList<>();
        private final List<ConsumerUsage> usage = new ArrayList<>();

        private Inputs() {
        }

        Inputs factors(ComponentFactor... values) {
            factors.addAll(Arrays.asList(values));
            return this;
        }

        Inputs models(HardwareModel... values) {
            models.addAll(Arrays.asList(values));
            return this;
        }

        Inputs datacenter(String datacenter, String region) {
            datacenters.add(new Datacenter(datacenter, region));
            return this;
        }

        Inputs asset(String assetId, HardwareModel model, String datacenter, String inService) {
            return asset(assetId, model.model(), datacenter, inService, null);
        }

        Inputs asset(String assetId, String model, String datacenter, String inService,
                String retired) {
            LocalDate retiredDate = retired == null ? null : LocalDate.parse(retired);
            assets.add(new Asset(assetId, model, datacenter, LocalDate.parse(inService),
                    retiredDate));
            return this;
        }

        /** A report of energy and grid factors, with no direct emissions. */
        Inputs energy(String datacenter, YearMonth month, String itEnergyKwh, String pue,
                String locationKgCo2ePerKwh, String marketKgCo2ePerKwh) {
            return report(datacenter, month, itEnergyKwh, pue, locationKgCo2ePerKwh,
                    marketKgCo2ePerKwh, "0");
        }

        Inputs report(String datacenter, YearMonth month, String itEnergyKwh, String pue,
                String locationKgCo2ePerKwh, String marketKgCo2ePerKwh, String scope1KgCo2e) {
            reports.add(new DatacenterMonth(datacenter, month, kg(itEnergyKwh), kg(pue),
                    kg(locationKgCo2ePerKwh), kg(marketKgCo2ePerKwh), kg(scope1KgCo2e)));
            return this;
        }

        Inputs usage(String region, YearMonth month, String consumer, ServiceModel serviceModel,
                String normalisedUsage) {
            usage.add(new ConsumerUsage(region, month, consumer, serviceModel,
                    kg(normalisedUsage)));
            return this;
        }

        MethodologyInputs build() {
            return new MethodologyInputs(factors, models, datacenters, assets, reports, usage);
        }
    }
}
