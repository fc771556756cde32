package dev.aicarbon.providers.azure;

import static dev.aicarbon.providers.azure.AzureMonitorGpuEnergyReader.kwhByRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Joules to kWh by run: exact sums, one half-even rounding per run, nothing lost. */
class KwhByRunTest {

    private static final Instant HOUR_0 = Instant.parse("2024-05-14T00:00:00Z");
    private static final BigDecimal JOULES_PER_KWH = new BigDecimal(3_600_000);
    private static final BigDecimal HALF_LAST_PLACE = new BigDecimal("0.0000000000005");

    @ParameterizedTest(name = "{0} J is {1} kWh")
    @CsvSource(textBlock = """
            3600000,    1.000000000000
            1,          0.000000277778
            0.0000018,  0.000000000000
            0.0000054,  0.000000000002
            0.0000090,  0.000000000002
            0,          0.000000000000
            """)
    void dividesByThreePointSixMillionRoundingHalfEvenToTwelvePlaces(String joules, String kwh) {
        Map<String, BigDecimal> byRun = kwhByRun(List.of(sample("r", joules)));

        assertThat(byRun.get("r")).isEqualTo(new BigDecimal(kwh));
    }

    @Test
    void roundsOnceOnTheRunsSumNotOncePerSample() {
        List<GpuEnergySample> halves = List.of(sample("r", "0.0000018"), sample("r", "0.0000018"));

        assertThat(kwhByRun(halves).get("r")).isEqualTo(new BigDecimal("0.000000000001"));
    }

    @Test
    void filesSamplesWithoutARunIdUnderTheirOwnKey() {
        Map<String, BigDecimal> byRun = kwhByRun(List.of(
                sample(null, "3600000"), sample("r", "1800000")));

        assertThat(byRun).containsOnlyKeys(AzureMonitorGpuEnergyReader.NO_RUN_ID, "r");
    }

    @Test
    void givesNoRunsForNoSamples() {
        assertThat(kwhByRun(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void conservesTheTotalToHalfALastPlacePerRun(long seed) {
        List<GpuEnergySample> samples = randomSamples(new Random(seed));
        BigDecimal totalKwh = samples.stream()
                .map(GpuEnergySample::joules)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(JOULES_PER_KWH, 30, RoundingMode.HALF_EVEN);

        Map<String, BigDecimal> byRun = kwhByRun(samples);

        BigDecimal allocated = byRun.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tolerance = HALF_LAST_PLACE.multiply(BigDecimal.valueOf(byRun.size()));
        assertThat(allocated.subtract(totalKwh).abs()).isLessThanOrEqualTo(tolerance);
        assertThat(byRun.values()).allSatisfy(kwh -> assertThat(kwh.scale()).isEqualTo(12));
    }

    /** Up to 200 samples over up to six runs, one of them without a run id. */
    private static List<GpuEnergySample> randomSamples(Random random) {
        List<String> runs = List.of("a", "b", "c", "d", "e");
        List<GpuEnergySample> samples = new ArrayList<>();
        int count = 1 + random.nextInt(200);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(runs.size() + 1);
            String run = pick == runs.size() ? null : runs.get(pick);
            BigDecimal joules = BigDecimal.valueOf(random.nextInt(2_000_000_000), 3);
            samples.add(new GpuEnergySample(run, "n", "0", HOUR_0, joules));
        }
        return samples;
    }

    private static GpuEnergySample sample(String run, String joules) {
        return new GpuEnergySample(run, "n", "0", HOUR_0, new BigDecimal(joules));
    }
}
