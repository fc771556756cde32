package dev.aicarbon.providers.methodology;

import static dev.aicarbon.providers.methodology.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssetCsvReaderTest {

    private static final LocalDate MAR_10_2025 = LocalDate.of(2025, 3, 10);

    private final AssetCsvReader reader = new AssetCsvReader();
    private final CollectingSink<AssetRow> sink = new CollectingSink<>();

    @Test
    void readsAssetsInServiceAndRetired() {
        ReadSummary summary = read("assets-good.csv");

        assertThat(summary).isEqualTo(new ReadSummary(3, 3, 0));
        assertThat(sink.accepted()).containsExactly(
                new AssetRow(2, "gpu-1a-001", "gpu-server-8x", "eu-gpu-1a", MAR_10_2025, null),
                new AssetRow(3, "gpu-1b-001", "gpu-server-8x", "eu-gpu-1b",
                        LocalDate.of(2024, 7, 1), LocalDate.of(2026, 5, 31)),
                new AssetRow(4, "sw-1a-001", "tor-switch", "eu-gpu-1a",
                        LocalDate.of(2022, 2, 1), LocalDate.of(2022, 2, 1)));
    }

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3  | asset_id        | asset_id is empty
            4  | model           | model is empty
            5  | datacenter      | datacenter is empty
            6  | in_service_date | in_service_date is empty
            7  | in_service_date | "10/03/2025" is not a date in the form YYYY-MM-DD
            8  | in_service_date | "2026-02-30" is not a date
            9  | retired_date    | "2026-13-01" is not a date
            10 | retired_date    | retired_date 2024-01-31 is before in_service_date 2024-02-01
            11 | -               | repeats the asset_id of row 2, which is kept
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        read("assets-bad-rows.csv");

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void acceptsRetirementOnTheDayOfEnteringService() {
        ReadSummary summary = read("assets-bad-rows.csv");

        assertThat(summary).isEqualTo(new ReadSummary(11, 2, 9));
        assertThat(sink.accepted()).extracting(AssetRow::assetId)
                .containsExactly("gpu-1a-001", "gpu-1a-009");
    }

    @Test
    void refusesHeaderNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(() -> read("assets-missing-columns.csv"), sink);

        assertThat(refusal).hasMessageContaining(
                "missing columns datacenter, in_service_date, retired_date");
    }

    private ReadSummary read(String file) {
        return reader.read(Fixtures.open("methodology/" + file), file, sink);
    }
}
