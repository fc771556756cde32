package dev.aicarbon.providers.methodology;

import static dev.aicarbon.providers.methodology.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentFactorCsvReaderTest {

    private final ComponentFactorCsvReader reader = new ComponentFactorCsvReader();
    private final CollectingSink<ComponentFactorRow> sink = new CollectingSink<>();

    @Test
    void readsFactorsPerUnitWhateverTheCaseOfHeaderAndUnit() {
        ReadSummary summary = read("component-factors-good.csv");

        assertThat(summary).isEqualTo(new ReadSummary(5, 5, 0));
        assertThat(sink.accepted()).extracting(ComponentFactorRow::unit)
                .containsExactly("each", "GB", "TB", "mm2", "kg");
        ComponentFactorRow dram = sink.accepted().get(1);
        assertThat(dram.row()).isEqualTo(3);
        assertThat(dram.component()).isEqualTo("dram");
        assertThat(dram.manufacturingKgCo2e()).isEqualByComparingTo("1.388");
        assertThat(dram.transportKgCo2e()).isEqualByComparingTo("0.04164");
        assertThat(dram.endOfLifeKgCo2e()).isEqualByComparingTo("0.01388");
    }

    @Test
    void readsScientificNotationExactly() {
        read("component-factors-good.csv");

        assertThat(sink.accepted().get(3).transportKgCo2e()).isEqualTo(new BigDecimal("5.91E-4"));
    }

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3  | component            | component is empty
            4  | unit                 | "watt" is not one of each, GB, TB, kg, mm2
            5  | manufacturing_kgco2e | manufacturing_kgco2e is empty
            6  | manufacturing_kgco2e | "lots" is not a number
            7  | transport_kgco2e     | "-2.17971" is negative
            8  | -                    | 4 fields
            9  | -                    | repeats the component of row 2, which is kept
            10 | unit                 | unit is empty
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        read("component-factors-bad-rows.csv");

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void countsEveryRowAsAcceptedOrQuarantined() {
        ReadSummary summary = read("component-factors-bad-rows.csv");

        assertThat(summary).isEqualTo(new ReadSummary(10, 2, 8));
        assertThat(sink.accepted()).extracting(ComponentFactorRow::row).containsExactly(2, 11);
    }

    @Test
    void keepsTheEarlierOfTwoRowsForOneComponent() {
        read("component-factors-bad-rows.csv");

        assertThat(sink.accepted().get(0).manufacturingKgCo2e()).isEqualByComparingTo("31.11");
    }

    @Test
    void refusesHeaderNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(() -> read("component-factors-missing-columns.csv"),
                sink);

        assertThat(refusal).hasMessageContaining(
                "missing columns unit, transport_kgco2e, end_of_life_kgco2e");
        assertThat(refusal.source()).isEqualTo("component-factors-missing-columns.csv");
    }

    private ReadSummary read(String file) {
        return reader.read(Fixtures.open("methodology/" + file), file, sink);
    }
}
