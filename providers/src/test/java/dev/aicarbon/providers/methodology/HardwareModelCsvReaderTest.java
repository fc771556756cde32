package dev.aicarbon.providers.methodology;

import static dev.aicarbon.providers.methodology.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HardwareModelCsvReaderTest {

    private final HardwareModelCsvReader reader = new HardwareModelCsvReader();
    private final CollectingSink<HardwareModelRow> sink = new CollectingSink<>();

    @Test
    void readsBillsOfMaterialsLineByLine() {
        ReadSummary summary = read("hardware-models-good.csv");

        assertThat(summary).isEqualTo(new ReadSummary(4, 4, 0));
        assertThat(sink.accepted()).extracting(HardwareModelRow::model)
                .containsExactly("gpu-server-8x", "gpu-server-8x", "cpu-server-2s",
                        "cpu-server-2s");
        HardwareModelRow ssd = sink.accepted().get(3);
        assertThat(ssd.row()).isEqualTo(5);
        assertThat(ssd.component()).isEqualTo("ssd");
        assertThat(ssd.quantity()).isEqualByComparingTo("3.84");
    }

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3 | model     | model is empty
            4 | component | component is empty
            5 | quantity  | quantity "0" is not above zero
            6 | quantity  | quantity "-2" is not above zero
            7 | quantity  | "two" is not a number
            8 | quantity  | quantity is empty
            9 | -         | repeats the model and component of row 2, which is kept
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        read("hardware-models-bad-rows.csv");

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void treatsModelNamesAsCaseSensitive() {
        ReadSummary summary = read("hardware-models-bad-rows.csv");

        assertThat(summary).isEqualTo(new ReadSummary(9, 2, 7));
        assertThat(sink.accepted()).extracting(HardwareModelRow::model)
                .containsExactly("gpu-server-8x", "GPU-SERVER-8X");
    }

    @Test
    void refusesHeaderNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(() -> read("hardware-models-missing-columns.csv"),
                sink);

        assertThat(refusal).hasMessageContaining("missing columns component, quantity");
    }

    private ReadSummary read(String file) {
        return reader.read(Fixtures.open("methodology/" + file), file, sink);
    }
}
