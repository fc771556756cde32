package dev.aicarbon.providers.codecarbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rows the CodeCarbon reader quarantines, and files it refuses. */
class CodeCarbonCsvReaderProblemsTest {

    private final CodeCarbonCsvReader reader = new CodeCarbonCsvReader();
    private final CollectingSink<CodeCarbonRun> sink = new CollectingSink<>();

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3  | timestamp       | "14/05/2024 10:23" is not a date and time
            4  | timestamp       | "2024-02-30T10:00:00" is not a date and time
            5  | duration        | "-3600.0" is negative
            6  | emissions       | "n/a" is not a number
            7  | energy_consumed | energy_consumed is empty
            8  | gpu_energy      | "-0.3" is negative
            9  | gpu_count       | "2.5" is not a whole number
            10 | pue             | "0.9" is below 1
            11 | -               | 6 fields but the header has 32
            12 | ram_energy      | "inf" is not a number
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        readBadRows();

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void countsEveryRowAsAcceptedOrQuarantined() {
        ReadSummary summary = readBadRows();

        assertThat(summary).isEqualTo(new ReadSummary(12, 2, 10));
        assertThat(sink.accepted()).extracting(CodeCarbonRun::row).containsExactly(2, 13);
    }

    @Test
    void acceptsRowWithEmptyOptionalCells() {
        readBadRows();

        CodeCarbonRun last = sink.accepted().get(1);
        assertThat(last.gpuCount()).isNull();
        assertThat(last.gpuModel()).isNull();
        assertThat(last.pue()).isNull();
    }

    @Test
    void refusesFileNamingEveryMissingRequiredColumn() {
        CsvFormatException refusal = refusal(
                Fixtures.open("codecarbon/not-codecarbon.csv"), "not-codecarbon.csv");

        assertThat(refusal.source()).isEqualTo("not-codecarbon.csv");
        assertThat(refusal).hasMessageContaining(
                "missing columns timestamp, duration, emissions, energy_consumed");
    }

    @Test
    void refusesFileLackingOnlyTheEnergyColumn() {
        String csv = "timestamp,project_name,run_id,duration,emissions,emissions_rate\n"
                + "2024-05-14T10:23:45,p,r,60,0.1,0.001\n";

        CsvFormatException refusal = refusal(text(csv), "no-energy.csv");

        assertThat(refusal.getMessage()).endsWith("missing columns energy_consumed");
    }

    @Test
    void refusesEmptyFile() {
        CsvFormatException refusal = refusal(text(""), "empty.csv");

        assertThat(refusal).hasMessageContaining("empty");
    }

    private ReadSummary readBadRows() {
        return reader.read(Fixtures.open("codecarbon/bad-rows.csv"), "bad-rows.csv", sink);
    }

    /** The refusal of the input, having checked that no row reached the sink before it. */
    private CsvFormatException refusal(InputStream in, String source) {
        Throwable thrown = catchThrowable(() -> reader.read(in, source, sink));

        assertThat(thrown).isInstanceOf(CsvFormatException.class);
        assertThat(sink.isEmpty()).as("rows handed to the sink before the refusal").isTrue();
        return (CsvFormatException) thrown;
    }

    private static InputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
