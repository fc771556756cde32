package dev.aicarbon.providers.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsCsvWriter;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GcpCarbonFootprintReaderTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @ParameterizedTest
    @ValueSource(strings = {"carbon-footprint-2026-11.csv", "carbon-footprint-2026-11-bom.csv",
            "carbon-footprint-2026-11.csv.gz", "carbon-footprint-2026-11.ndjson"})
    void readsEveryExportFormIntoTheSameCells(String file) {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        GcpCarbonFootprintRead read = GcpCarbonFootprintReader.forMonth(NOVEMBER)
                .readWithModelVersions(Fixtures.open("gcp/" + file), file, sink);

        assertThat(read.summary().rowsRead()).isEqualTo(4);
        assertThat(read.summary().rowsAccepted()).isEqualTo(4);
        assertThat(read.modelVersions()).containsExactly("12");
        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(3);
        EmissionsRow compute = sink.accepted().get(0);
        assertThat(compute.provider()).isEqualTo("gcp");
        assertThat(compute.accountId()).isEqualTo("llm-research-381204");
        assertThat(compute.month()).isEqualTo(NOVEMBER);
        assertThat(compute.region()).isEqualTo("us-central1");
        assertThat(compute.service()).isEqualTo("Compute Engine");
        assertThat(compute.scope1KgCo2e()).isEqualByComparingTo("2.0");
        assertThat(compute.scope2LocationKgCo2e()).isEqualByComparingTo("500.0");
        assertThat(compute.scope2MarketKgCo2e()).isEqualByComparingTo("100.0");
        assertThat(compute.scope3KgCo2e()).isEqualByComparingTo("100.0");
        assertThat(sink.accepted().get(1).region()).as("global").isNull();
        assertThat(sink.accepted().get(2).region()).isEqualTo("europe-west4");
    }

    @Test
    void ignoresColumnsBeyondTheSchemaInAnyOrder() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        GcpCarbonFootprintReader.forMonth(NOVEMBER).read(
                Fixtures.open("gcp/carbon-footprint-extra-columns.csv"), "extra.csv", sink);

        assertThat(sink.accepted()).singleElement().satisfies(row -> {
            assertThat(row.scope1KgCo2e()).isEqualByComparingTo("1.25");
            assertThat(row.scope3KgCo2e()).isEqualByComparingTo("88.125");
        });
    }

    @Test
    void aHeaderOnlyFileGivesNoRows() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        GcpCarbonFootprintRead read = GcpCarbonFootprintReader.forMonth(NOVEMBER)
                .readWithModelVersions(Fixtures.open("gcp/carbon-footprint-header-only.csv"),
                        "header-only.csv", sink);

        assertThat(read.summary().rowsRead()).isZero();
        assertThat(read.modelVersions()).isEmpty();
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void quarantinesUnusableRowsNamingRowAndField() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        var summary = GcpCarbonFootprintReader.forMonth(NOVEMBER).read(
                Fixtures.open("gcp/carbon-footprint-bad-rows.csv"), "bad-rows.csv", sink);

        assertThat(summary.rowsRead()).isEqualTo(5);
        assertThat(summary.rowsQuarantined()).isEqualTo(4);
        assertThat(sink.accepted()).singleElement().satisfies(row ->
                assertThat(row.scope1KgCo2e()).isEqualByComparingTo("1.25"));
        assertProblem(sink, 3, "carbon_footprint_kgCO2e.scope1", "negative");
        assertProblem(sink, 4, "carbon_footprint_kgCO2e.scope3", "empty");
        assertProblem(sink, 5, "usage_month", "not in 2026-11");
        assertProblem(sink, 6, "project.id", "empty");
        assertThat(sink.problemAtRow(6).orElseThrow().values())
                .containsEntry("service.description", "Compute Engine");
    }

    @Test
    void takesEveryMonthWhenAskedTo() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        GcpCarbonFootprintReader.allMonths().read(
                Fixtures.open("gcp/carbon-footprint-bad-rows.csv"), "bad-rows.csv", sink);

        assertThat(sink.accepted()).extracting(EmissionsRow::month)
                .containsExactly(NOVEMBER, YearMonth.of(2026, 10));
    }

    @Test
    void refusesAFileThatIsNotACarbonFootprintExport() {
        assertThatThrownBy(() -> GcpCarbonFootprintReader.forMonth(NOVEMBER).read(
                Fixtures.open("gcp/billing-export-not-carbon.csv"), "billing.csv",
                new CollectingSink<>()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("billing.csv")
                .hasMessageContaining("carbon_footprint_kgCO2e.scope1");
    }

    @Test
    void quarantinesAJsonLineThatIsNotAnObject() {
        String lines = "{\"usage_month\":\"2026-11-01\",\"carbon_footprint_kgCO2e\":{}}\n[1,2]\n";
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        GcpCarbonFootprintReader.forMonth(NOVEMBER).read(new ByteArrayInputStream(
                lines.getBytes(StandardCharsets.UTF_8)), "lines.json", sink);

        assertThat(sink.problems()).extracting(RowProblem::row).containsExactly(1, 2);
        assertThat(sink.problemAtRow(2).orElseThrow().reason()).contains("not a JSON object");
    }

    @Test
    void itsRowsSurviveTheCanonicalFileUnchanged() {
        CollectingSink<EmissionsRow> read = new CollectingSink<>();
        GcpCarbonFootprintReader.forMonth(NOVEMBER).read(
                Fixtures.open("gcp/carbon-footprint-2026-11.csv"), "november.csv", read);
        StringWriter canonical = new StringWriter();
        try (EmissionsCsvWriter writer = new EmissionsCsvWriter(canonical)) {
            read.accepted().forEach(writer::write);
        }

        CollectingSink<EmissionsRow> imported = new CollectingSink<>();
        new EmissionsCsvReader().read(new ByteArrayInputStream(
                canonical.toString().getBytes(StandardCharsets.UTF_8)), "canonical", imported);

        assertThat(imported.problems()).isEmpty();
        List<EmissionsRow> rows = imported.accepted();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).scope2LocationKgCo2e()).isEqualByComparingTo("52.8");
        assertThat(rows.get(1).region()).isNull();
    }

    private static void assertProblem(CollectingSink<EmissionsRow> sink, int row, String column,
            String reason) {
        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(reason);
    }
}
