package dev.aicarbon.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aicarbon.providers.csv.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GpuEnergyJoules reader on hand-made answers in the documented Azure Monitor shape. */
class AzureMonitorGpuEnergyReaderTest {

    private static final String KEEN_TIGER = "keen_tiger_4rk8pz1m0q";
    private static final String CALM_RIVER = "calm_river_7tq2wd9b3n";
    private static final String NODE_5E0C = "tvmps_5e0c7d2b9a1f4e3c8b6a_d";

    private final AzureMonitorGpuEnergyReader reader = new AzureMonitorGpuEnergyReader();

    @Test
    void readsOneSamplePerDataPointWithATotal() {
        GpuEnergyRead read = read("azure/gpu-energy-pt1h.json");

        assertThat(read.samples()).hasSize(7);
        assertThat(read.seriesRead()).isEqualTo(3);
        GpuEnergySample first = read.samples().get(0);
        assertThat(first.runId()).isEqualTo(KEEN_TIGER);
        assertThat(first.nodeId()).isEqualTo(NODE_5E0C);
        assertThat(first.deviceId()).isEqualTo("0");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2024-05-14T01:00:00Z"));
        assertThat(first.joules()).isEqualByComparingTo("1080000");
    }

    @Test
    void keepsTheExactDecimalOfEachTotal() {
        GpuEnergyRead read = read("azure/gpu-energy-pt1h.json");

        assertThat(read.samples().get(1).joules()).isEqualTo(new BigDecimal("1152000.5"));
        assertThat(read.samples().get(3).joules()).isEqualTo(new BigDecimal("1098000.25"));
    }

    @Test
    void countsPointsWithoutATotalInsteadOfReadingThemAsZero() {
        GpuEnergyRead read = read("azure/gpu-energy-pt1h.json");

        assertThat(read.pointsWithoutTotal()).isEqualTo(5);
        assertThat(read.pointsRead()).isEqualTo(12);
        assertThat(read.samples()).extracting(GpuEnergySample::joules)
                .allSatisfy(joules -> assertThat(joules).isPositive());
    }

    @Test
    void addsUpKilowattHoursByRun() {
        GpuEnergyRead read = read("azure/gpu-energy-pt1h.json");

        assertThat(AzureMonitorGpuEnergyReader.kwhByRun(read.samples()))
                .containsOnlyKeys(CALM_RIVER, KEEN_TIGER)
                .hasEntrySatisfying(KEEN_TIGER, kwh -> assertThat(kwh)
                        .isEqualTo(new BigDecimal("1.315000208333")))
                .hasEntrySatisfying(CALM_RIVER, kwh -> assertThat(kwh)
                        .isEqualTo(new BigDecimal("0.700000000000")));
    }

    @Test
    void readsSeriesWithoutDimensionsAsNoRunNodeOrDevice() {
        GpuEnergyRead read = read("azure/gpu-energy-without-dimensions.json");

        assertThat(read.samples()).allSatisfy(sample -> {
            assertThat(sample.runId()).isNull();
            assertThat(sample.nodeId()).isNull();
            assertThat(sample.deviceId()).isNull();
        });
        assertThat(AzureMonitorGpuEnergyReader.kwhByRun(read.samples()))
                .containsExactly(Map.entry(
                        AzureMonitorGpuEnergyReader.NO_RUN_ID, new BigDecimal("1.500000000000")));
    }

    @Test
    void readsNodeFromNodeIdWhereAnAnswerHasNoInstanceId() {
        String json = """
                {"value": [{"name": {"value": "GpuEnergyJoules"}, "timeseries": [{
                  "metadatavalues": [{"name": {"value": "RunId"}, "value": "r1"},
                                     {"name": {"value": "NodeId"}, "value": "n7"},
                                     {"name": {"value": "DeviceId"}, "value": "3"}],
                  "data": [{"timeStamp": "2024-05-14T00:00:00Z", "total": 10}]}]}]}
                """;

        GpuEnergySample sample = reader.read(text(json), "node-id.json").samples().get(0);

        assertThat(sample.runId()).isEqualTo("r1");
        assertThat(sample.nodeId()).isEqualTo("n7");
        assertThat(sample.deviceId()).isEqualTo("3");
    }

    @Test
    void readsAnswerWithNoMetricsAsNothing() {
        GpuEnergyRead read = reader.read(text("{\"value\": []}"), "empty.json");

        assertThat(read).isEqualTo(GpuEnergyRead.empty());
    }

    @Test
    void ignoresOtherMetricsOfTheSameAnswer() {
        String json = """
                {"value": [
                  {"name": {"value": "GpuUtilizationPercentage"}, "timeseries": [{"data": [
                    {"timeStamp": "2024-05-14T00:00:00Z", "average": 93.5}]}]},
                  {"name": {"value": "GpuEnergyJoules"}, "timeseries": [{"data": [
                    {"timeStamp": "2024-05-14T00:00:00Z", "total": 42}]}]}]}
                """;

        GpuEnergyRead read = reader.read(text(json), "two-metrics.json");

        assertThat(read.samples()).singleElement().extracting(GpuEnergySample::joules)
                .isEqualTo(new BigDecimal("42"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON       | <html>Bad gateway</html>            | not a well-formed metrics answer
            cut short      | {"value": [{"name": {"value": "Gp   | not a well-formed metrics answer
            no value array | {"error": {"code": "BadRequest"}}   | no "value" array
            JSON null      | null                                | no "value" array
            nothing        | ''                                  | not a well-formed metrics answer
            other metric   | {"value": [{"name": {"value": "X"}}]} | no GpuEnergyJoules metric; the answer has X
            """)
    void refusesDocumentNamingTheSourceAndTheProblem(String kind, String json, String named) {
        assertRefused(json, named);
    }

    @Test
    void refusesMetricThatAzureReportsAnErrorFor() {
        String json = """
                {"value": [{"name": {"value": "GpuEnergyJoules"},
                  "errorCode": "Throttled", "errorMessage": "too many requests"}]}
                """;

        assertRefused(json, "reported an error for GpuEnergyJoules: Throttled too many requests");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative total  | {"timeStamp": "2024-05-14T00:00:00Z", "total": -5}     | total -5 at 2024-05-14T00:00:00Z
            text total      | {"timeStamp": "2024-05-14T00:00:00Z", "total": "lots"} | not a well-formed metrics answer
            no timeStamp    | {"total": 5}                                           | has a total but no timeStamp
            local timeStamp | {"timeStamp": "2024-05-14 00:00", "total": 5}          | timeStamp "2024-05-14 00:00"
            """)
    void refusesDocumentWithADataPointThatCannotBeEnergy(String kind, String point, String named) {
        String json = "{\"value\": [{\"name\": {\"value\": \"GpuEnergyJoules\"},"
                + " \"timeseries\": [{\"data\": [" + point + "]}]}]}";

        assertRefused(json, named);
    }

    private void assertRefused(String json, String named) {
        AzureMonitorFormatException refusal = catchThrowableOfType(
                AzureMonitorFormatException.class, () -> reader.read(text(json), "export.json"));

        assertThat(refusal.source()).isEqualTo("export.json");
        assertThat(refusal).hasMessageStartingWith("export.json: ").hasMessageContaining(named);
    }

    private GpuEnergyRead read(String path) {
        return reader.read(Fixtures.open(path), path);
    }

    private static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
