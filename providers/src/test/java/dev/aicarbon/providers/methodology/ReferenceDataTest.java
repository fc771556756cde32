package dev.aicarbon.providers.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference data and demo month the service ships, {@code src/main/resources/methodology},
 * read by these readers: every row usable, every name resolving, and the numbers that
 * {@code docs/methodology.md} and {@code docs/methodology-sources.md} quote still true.
 */
class ReferenceDataTest {

    private static final Path DIR = Path.of(System.getProperty("user.dir"))
            .resolve("../src/main/resources/methodology")
            .normalize();
    private static final YearMonth NOV_2026 = YearMonth.of(2026, 11);
    private static final int LIFETIME_MONTHS = 72;

    private final List<ComponentFactorRow> factors =
            read("component-factors.csv", 19, new ComponentFactorCsvReader()::read);
    private final List<HardwareModelRow> models =
            read("hardware-models.csv", 27, new HardwareModelCsvReader()::read);
    private final List<DatacenterRow> datacenters =
            read("datacenters.csv", 3, new DatacenterCsvReader()::read);
    private final List<AssetRow> assets = read("assets.csv", 13, new AssetCsvReader()::read);
    private final List<DatacenterMonthRow> reports =
            read("datacenter-months.csv", 3, new DatacenterMonthCsvReader()::read);
    private final List<ConsumerUsageRow> usage =
            read("usage.csv", 7, new ConsumerUsageCsvReader()::read);

    @Test
    void resolvesEveryComponentOfEveryModel() {
        Set<String> components = names(factors, ComponentFactorRow::component);

        assertThat(models).extracting(HardwareModelRow::component).allMatch(components::contains);
    }

    @Test
    void resolvesTheModelAndDatacenterOfEveryAsset() {
        Set<String> modelNames = names(models, HardwareModelRow::model);
        Set<String> datacenterNames = names(datacenters, DatacenterRow::datacenter);

        assertThat(assets).allSatisfy(asset -> {
            assertThat(modelNames).contains(asset.model());
            assertThat(datacenterNames).contains(asset.datacenter());
        });
    }

    @Test
    void resolvesEveryReportedDatacenterAndUsedRegion() {
        Set<String> datacenterNames = names(datacenters, DatacenterRow::datacenter);
        Set<String> regions = names(datacenters, DatacenterRow::region);

        assertThat(reports).extracting(DatacenterMonthRow::datacenter)
                .allMatch(datacenterNames::contains);
        assertThat(usage).extracting(ConsumerUsageRow::region).allMatch(regions::contains);
    }

    @Test
    void keepsTheDemoToOneOperatorAndOneMonthWithASecondRegionWithoutUsage() {
        assertThat(datacenters).extracting(DatacenterRow::provider).containsOnlyNulls();
        assertThat(reports).extracting(DatacenterMonthRow::month).containsOnly(NOV_2026);
        assertThat(usage).extracting(ConsumerUsageRow::month).containsOnly(NOV_2026);
        assertThat(names(datacenters, DatacenterRow::region)).containsExactlyInAnyOrder(
                "eu-gpu-1", "eu-gpu-2");
        assertThat(usage).extracting(ConsumerUsageRow::region).containsOnly("eu-gpu-1");
        assertThat(usage).extracting(ConsumerUsageRow::consumer).contains("llm-pretrain",
                "llm-pretrain/pretrain-7b", "fraud-detection", "recsys", "platform-team");
        assertThat(usage).extracting(ConsumerUsageRow::serviceModel)
                .contains("IaaS", "PaaS", "SaaS");
    }

    /** The amortisation cases methodology.md walks through, by lifetime month in 2026-11. */
    @ParameterizedTest(name = "{0} is in lifetime month {1}")
    @CsvSource({
        "gpu-1a-003, 1", "gpu-1a-001, 21", "gpu-1b-001, 29", "sw-1b-001, 72", "rack-1a-01, 75"})
    void hasEachAmortisationCaseInTheDemoMonth(String assetId, int lifetimeMonth) {
        AssetRow asset = assets.stream()
                .filter(row -> row.assetId().equals(assetId))
                .findFirst()
                .orElseThrow();

        long index = YearMonth.from(asset.inServiceDate()).until(NOV_2026, ChronoUnit.MONTHS);
        assertThat(index + 1).isEqualTo(lifetimeMonth);
    }

    @Test
    void startsOneAssetMidMonthAndRetiresOneEarly() {
        assertThat(assets).filteredOn(asset -> asset.inServiceDate().getDayOfMonth() > 1)
                .extracting(AssetRow::assetId)
                .contains("gpu-1a-003");
        assertThat(assets).filteredOn(asset -> asset.retiredDate() != null)
                .singleElement()
                .satisfies(asset -> assertThat(
                        YearMonth.from(asset.inServiceDate()).plusMonths(LIFETIME_MONTHS))
                        .isAfter(YearMonth.from(asset.retiredDate())));
    }

    @Test
    void keepsEveryPueWithinTheDemoRange() {
        assertThat(reports).allSatisfy(report -> assertThat(report.pue())
                .isBetween(new BigDecimal("1.1"), new BigDecimal("1.4")));
    }

    /** The stage rule methodology-sources.md states: transport 3 %, end of life 1 %. */
    @Test
    void derivesTransportAndEndOfLifeFromManufacturingByTheStatedShares() {
        assertThat(factors).allSatisfy(factor -> {
            BigDecimal manufacturing = factor.manufacturingKgCo2e();
            assertThat(factor.transportKgCo2e())
                    .isEqualByComparingTo(manufacturing.multiply(new BigDecimal("0.03")));
            assertThat(factor.endOfLifeKgCo2e())
                    .isEqualByComparingTo(manufacturing.multiply(new BigDecimal("0.01")));
        });
    }

    /** Embodied kgCO2e per unit of each model, as the docs quote them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cpu-server-2s,        1893.15,  56.7945,  18.9315",
        "gpu-server-8x,        3700,     111,      37",
        "storage-server-24hdd, 1877.262, 56.31786, 18.77262",
        "fpga-server-4x,       1830.622, 54.91866, 18.30622",
        "rack-42u,             229.2,    6.876,    2.292",
        "tor-switch,           280,      8.4,      2.8"})
    void sumsEachBillOfMaterialsToTheDocumentedEmbodiedEmissions(String model,
            BigDecimal manufacturing, BigDecimal transport, BigDecimal endOfLife) {
        Map<String, ComponentFactorRow> byComponent = factors.stream()
                .collect(Collectors.toMap(ComponentFactorRow::component, Function.identity()));
        List<HardwareModelRow> lines = models.stream()
                .filter(line -> line.model().equals(model))
                .toList();

        assertThat(lines).isNotEmpty();
        assertThat(sum(lines, byComponent, ComponentFactorRow::manufacturingKgCo2e))
                .isEqualByComparingTo(manufacturing);
        assertThat(sum(lines, byComponent, ComponentFactorRow::transportKgCo2e))
                .isEqualByComparingTo(transport);
        assertThat(sum(lines, byComponent, ComponentFactorRow::endOfLifeKgCo2e))
                .isEqualByComparingTo(endOfLife);
    }

    private static BigDecimal sum(List<HardwareModelRow> lines,
            Map<String, ComponentFactorRow> byComponent,
            Function<ComponentFactorRow, BigDecimal> stage) {
        return lines.stream()
                .map(line -> stage.apply(byComponent.get(line.component()))
                        .multiply(line.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> Set<String> names(List<T> rows, Function<T, String> name) {
        return rows.stream().map(name).collect(Collectors.toSet());
    }

    /** Reads a shipped file, checking that all of its {@code rows} rows are usable. */
    private static <T> List<T> read(String file, int rows, Reader<T> reader) {
        CollectingSink<T> sink = new CollectingSink<>();
        try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
            ReadSummary summary = reader.read(in, file, sink);

            assertThat(sink.problems()).as(file).isEmpty();
            assertThat(summary).as(file).isEqualTo(new ReadSummary(rows, rows, 0));
            return sink.accepted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        ReadSummary read(InputStream in, String source, RowSink<T> sink);
    }
}
