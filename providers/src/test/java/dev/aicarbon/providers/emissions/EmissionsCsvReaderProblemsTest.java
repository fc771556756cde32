package dev.aicarbon.providers.emissions;

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

/** Rows the emissions reader quarantines, and files it refuses. */
class EmissionsCsvReaderProblemsTest {

    private final EmissionsCsvReader reader = new EmissionsCsvReader();
    private final CollectingSink<EmissionsRow> sink = new CollectingSink<>();

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3  | provider               | "oracle"
            4  | account_id             | account_id is empty
            5  | month                  | "2026-11-01"
            6  | month                  | "Nov 2026"
            7  | scope3_kgco2e          | scope3_kgco2e is empty
            8  | scope2_market_kgco2e   | "n/a"
            9  | scope1_kgco2e          | "-1.5"
            10 | -                      | 12 fields
            11 | total_location_kgco2e  | "545.3"
            12 | total_market_kgco2e    | total_market_kgco2e is empty
            13 | -                      | no amounts
            14 | total_market_kgco2e    | "-0.1"
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        readBadRows();

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void saysWhyBothAmountSetsOnOneRowAreRefused() {
        readBadRows();

        assertThat(sink.problemAtRow(11).orElseThrow().reason()).contains("ambiguous");
    }

    @Test
    void countsEveryRowAsAcceptedOrQuarantined() {
        ReadSummary summary = readBadRows();

        assertThat(summary).isEqualTo(new ReadSummary(14, 2, 12));
        assertThat(sink.accepted()).extracting(EmissionsRow::row).containsExactly(2, 15);
    }

    @Test
    void refusesHeaderNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(
                Fixtures.open("emissions/missing-columns.csv"), "missing-columns.csv");

        assertThat(refusal.source()).isEqualTo("missing-columns.csv");
        assertThat(refusal).hasMessageContaining(
                "missing columns account_id, month, scope2_location_kgco2e, scope2_market_kgco2e");
    }

    @Test
    void refusesHeaderWithoutAmountColumnsNamingBothSets() {
        CsvFormatException refusal = refusal(
                Fixtures.open("emissions/no-amount-columns.csv"), "no-amount-columns.csv");

        assertThat(refusal.getMessage()).contains(EmissionsCsvReader.SCOPE_COLUMNS)
                .contains(EmissionsCsvReader.TOTAL_COLUMNS)
                .doesNotContain("missing columns");
    }

    @Test
    void refusesHeaderWithHalfTheTotals() {
        String csv = "provider,account_id,month,scope1_kgco2e,scope2_location_kgco2e,"
                + "scope2_market_kgco2e,scope3_kgco2e,total_location_kgco2e\n";

        CsvFormatException refusal = refusal(text(csv), "half-totals.csv");

        assertThat(refusal).hasMessageContaining("missing columns total_market_kgco2e");
    }

    @Test
    void matchesHeaderNamesWithoutRegardToCaseOrBlanks() {
        String csv = "Provider , ACCOUNT_ID,Month,Total_Location_KgCO2e,Total_Market_KgCO2e\n"
                + "aws,284619037512,2026-11,10.5,2.5\n";

        ReadSummary summary = reader.read(text(csv), "shouting.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(1, 1, 0));
    }

    @Test
    void refusesEmptyFile() {
        CsvFormatException refusal = refusal(text(""), "empty.csv");

        assertThat(refusal).hasMessageContaining("empty");
    }

    private ReadSummary readBadRows() {
        return reader.read(Fixtures.open("emissions/bad-rows.csv"), "bad-rows.csv", sink);
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
