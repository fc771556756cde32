package dev.aicarbon.providers.codecarbon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CodeCarbon reader on the emissions.csv layouts of each CodeCarbon stage. */
class CodeCarbonCsvReaderTest {

    private static final String OLDER = "codecarbon/codecarbon-2.2-without-experiment-id.csv";
    private static final String NEWER = "codecarbon/codecarbon-2.x-with-experiment-id-and-pue.csv";
    private static final String NEWEST = "codecarbon/codecarbon-3.x-with-utilisation-and-water.csv";

    private final CodeCarbonCsvReader reader = new CodeCarbonCsvReader();

    @Test
    void readsOlderLayoutWithoutExperimentIdOrPue() {
        CollectingSink<CodeCarbonRun> sink = read(OLDER);

        assertThat(sink.problems()).isEmpty();
        CodeCarbonRun bert = sink.accepted().get(0);
        assertThat(bert.row()).isEqualTo(2);
        assertThat(bert.timestamp()).isEqualTo(Instant.parse("2023-03-09T16:41:27Z"));
        assertThat(bert.projectName()).isEqualTo("bert-finetune");
        assertThat(bert.runId()).isEqualTo("5b0fa12a-3dd7-4bb1-8d4b-7e1c2b0f9a31");
        assertThat(bert.experimentId()).isNull();
        assertThat(bert.durationSeconds()).isEqualByComparingTo("3612.402118206024");
        assertThat(bert.emissionsKg()).isEqualByComparingTo("0.41785313870119004");
        assertThat(bert.energyConsumedKwh()).isEqualByComparingTo("1.0147298383682966");
        assertThat(bert.gpuEnergyKwh()).isEqualByComparingTo("0.9483102340917587");
        assertThat(bert.countryIsoCode()).isEqualTo("NLD");
        assertThat(bert.cloudProvider()).isEqualTo("azure");
        assertThat(bert.cloudRegion()).isEqualTo("westeurope");
        assertThat(bert.gpuCount()).isEqualTo(1);
        assertThat(bert.gpuModel()).isEqualTo("1 x NVIDIA A100 80GB PCIe");
        assertThat(bert.pue()).isNull();
    }

    @Test
    void readsEmptyCloudAndGpuCellsOfALaptopRunAsNull() {
        CodeCarbonRun laptop = read(OLDER).accepted().get(1);

        assertThat(laptop.cloudProvider()).isNull();
        assertThat(laptop.cloudRegion()).isNull();
        assertThat(laptop.gpuCount()).isNull();
        assertThat(laptop.gpuModel()).isNull();
        assertThat(laptop.gpuEnergyKwh()).isEqualByComparingTo("0");
    }

    @Test
    void readsScientificNotationExactly() {
        CodeCarbonRun laptop = read(OLDER).accepted().get(1);

        assertThat(laptop.emissionsKg()).isEqualByComparingTo("0.000019736152049672135");
    }

    @Test
    void readsNewerLayoutWithExperimentIdAndPue() {
        CollectingSink<CodeCarbonRun> sink = read(NEWER);

        assertThat(sink.problems()).isEmpty();
        CodeCarbonRun lora = sink.accepted().get(0);
        assertThat(lora.timestamp()).isEqualTo(Instant.parse("2024-05-14T10:23:45Z"));
        assertThat(lora.experimentId()).isEqualTo("5b0fa12a-3dd7-4bb1-8d4b-7e1c2b0f9a31");
        assertThat(lora.energyConsumedKwh()).isEqualByComparingTo("3.2128");
        assertThat(lora.cpuEnergyKwh()).isEqualByComparingTo("0.2435");
        assertThat(lora.ramEnergyKwh()).isEqualByComparingTo("0.3778");
        assertThat(lora.region()).isNull();
        assertThat(lora.pue()).isEqualByComparingTo("1.2");
    }

    @Test
    void readsGpuCountWrittenAsFloat() {
        assertThat(read(NEWER).accepted().get(0).gpuCount()).isEqualTo(4);
    }

    @Test
    void keepsEveryFlushOfARunAsItsOwnRow() {
        CollectingSink<CodeCarbonRun> sink = read(NEWER);

        assertThat(sink.accepted()).extracting(CodeCarbonRun::runId).containsOnly(
                "9e3b6f02-7c41-4d8e-b5a0-1f2c3d4e5f60");
        assertThat(sink.accepted()).extracting(CodeCarbonRun::energyConsumedKwh)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3.2128"),
                        new BigDecimal("6.6123"));
    }

    @Test
    void readsNewestLayoutIgnoringUtilisationAndWaterColumns() {
        CollectingSink<CodeCarbonRun> sink = read(NEWEST);

        assertThat(sink.problems()).isEmpty();
        CodeCarbonRun eval = sink.accepted().get(0);
        assertThat(eval.energyConsumedKwh()).isEqualByComparingTo("0.3777");
        assertThat(eval.cloudProvider()).isEqualTo("gcp");
        assertThat(eval.gpuCount()).isEqualTo(2);
        assertThat(eval.pue()).isEqualByComparingTo("1.1");
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(textBlock = """
            2024-05-14T10:23:45,        UTC,           2024-05-14T10:23:45Z
            2024-05-14T10:23:45,        Europe/Paris,  2024-05-14T08:23:45Z
            2024-05-14T10:23:45.250,    UTC,           2024-05-14T10:23:45.250Z
            2024-05-14T10:23:45Z,       Europe/Paris,  2024-05-14T10:23:45Z
            2024-05-14T10:23:45+02:00,  UTC,           2024-05-14T08:23:45Z
            """)
    void readsTimestampWithoutZoneInTheGivenZoneAndWithOffsetAsWritten(
            String written, String zone, String expected) {
        String csv = "timestamp,duration,emissions,energy_consumed\n" + written + ",1,0,0\n";
        CollectingSink<CodeCarbonRun> sink = new CollectingSink<>();

        new CodeCarbonCsvReader(ZoneId.of(zone)).read(text(csv), "zones.csv", sink);

        assertThat(sink.accepted()).singleElement().extracting(CodeCarbonRun::timestamp)
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsFileWithOnlyTheRequiredColumnsInAnotherOrderAndCase() {
        String csv = "Energy_Consumed,EMISSIONS,Timestamp,Duration\n0.5,0.1,2024-05-14T10:23:45,60\n";
        CollectingSink<CodeCarbonRun> sink = new CollectingSink<>();

        ReadSummary summary = reader.read(text(csv), "minimal.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(1, 1, 0));
        CodeCarbonRun run = sink.accepted().get(0);
        assertThat(run.energyConsumedKwh()).isEqualByComparingTo("0.5");
        assertThat(run.runId()).isNull();
        assertThat(run.cpuEnergyKwh()).isNull();
    }

    private CollectingSink<CodeCarbonRun> read(String path) {
        CollectingSink<CodeCarbonRun> sink = new CollectingSink<>();
        reader.read(Fixtures.open(path), path, sink);
        return sink;
    }

    private static ByteArrayInputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
