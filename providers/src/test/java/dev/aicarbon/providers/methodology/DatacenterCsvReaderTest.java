package dev.aicarbon.providers.methodology;

import static dev.aicarbon.providers.methodology.Refusals.refusal;
import static dev.aicarbon.providers.methodology.Refusals.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatacenterCsvReaderTest {

    private final DatacenterCsvReader reader = new DatacenterCsvReader();
    private final CollectingSink<DatacenterRow> sink = new CollectingSink<>();

    @Test
    void readsProviderAsCodeOrNullForAPrivateOperator() {
        ReadSummary summary = read("datacenters-good.csv");

        assertThat(summary).isEqualTo(new ReadSummary(3, 3, 0));
        assertThat(sink.accepted()).containsExactly(
                new DatacenterRow(2, "eu-gpu-1a", "eu-gpu-1", null),
                new DatacenterRow(3, "westeurope-dc1", "westeurope", "azure"),
                new DatacenterRow(4, "use1-az1", "us-east-1", "aws"));
    }

    @Test
    void readsAFileWithoutProviderColumnAsPrivateOperators() {
        ReadSummary summary = reader.read(
                text("Datacenter,Region\neu-gpu-1a,eu-gpu-1\n"), "no-provider.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(1, 1, 0));
        assertThat(sink.accepted().get(0).provider()).isNull();
    }

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3 | datacenter | datacenter is empty
            4 | region     | region is empty
            5 | provider   | provider "equinix" is not one of aws, azure, gcp
            6 | -          | repeats the datacenter of row 2, which is kept
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        read("datacenters-bad-rows.csv");

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void keepsTheEarlierRegionOfARepeatedDatacenter() {
        ReadSummary summary = read("datacenters-bad-rows.csv");

        assertThat(summary).isEqualTo(new ReadSummary(6, 2, 4));
        assertThat(sink.accepted()).containsExactly(
                new DatacenterRow(2, "eu-gpu-1a", "eu-gpu-1", null),
                new DatacenterRow(7, "eu-gpu-1d", "eu-gpu-1", "gcp"));
    }

    @Test
    void refusesHeaderNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(() -> read("datacenters-missing-columns.csv"), sink);

        assertThat(refusal).hasMessageContaining("missing columns datacenter, region");
    }

    private ReadSummary read(String file) {
        return reader.read(Fixtures.open("methodology/" + file), file, sink);
    }
}
