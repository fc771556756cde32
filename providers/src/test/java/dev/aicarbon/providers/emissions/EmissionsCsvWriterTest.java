package dev.aicarbon.providers.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** What the canonical writer writes, the canonical reader reads back unchanged. */
class EmissionsCsvWriterTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String VM = "/subscriptions/5a1c7e2d/resourceGroups/ml/providers/"
            + "Microsoft.Compute/virtualMachines/gpu-1";

    private static CollectingSink<EmissionsRow> readBack(String csv) {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();
        new EmissionsCsvReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "written.csv", sink);
        return sink;
    }

    @Test
    void roundTripsScopeSplitTotalsAndPerResourceRowsExactly() {
        EmissionsRow split = EmissionsRow.ofScopes(0, "gcp", "ml-research", NOVEMBER, "us-central1",
                "Compute Engine", new BigDecimal("0.000000000001"), new BigDecimal("812.5"),
                new BigDecimal("655.0"), new BigDecimal("1E+3"));
        EmissionsRow totals = EmissionsRow.ofTotals(0, "aws", "284619037512", NOVEMBER, "us-east-1",
                "Amazon Elastic Compute Cloud", new BigDecimal("412.7"), new BigDecimal("118.3"));
        EmissionsRow resource = EmissionsRow.ofScopes(0, "azure", "5a1c7e2d", NOVEMBER, null, null,
                new BigDecimal("0.2"), new BigDecimal("9"), new BigDecimal("3.5"), new BigDecimal("1"))
                .withResourceId(VM)
                .withScope2LocationFromMarket();
        StringWriter out = new StringWriter();
        try (EmissionsCsvWriter writer = new EmissionsCsvWriter(out)) {
            writer.write(split);
            writer.write(totals);
            writer.write(resource);
        }

        CollectingSink<EmissionsRow> sink = readBack(out.toString());

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(3);
        EmissionsRow readSplit = sink.accepted().get(0);
        assertThat(readSplit.scope1KgCo2e()).isEqualByComparingTo("0.000000000001");
        assertThat(readSplit.scope3KgCo2e()).isEqualByComparingTo("1000");
        assertThat(sink.accepted().get(1).scopeCombined()).isTrue();
        assertThat(sink.accepted().get(1).totalLocationKgCo2e()).isEqualByComparingTo("412.7");
        EmissionsRow readResource = sink.accepted().get(2);
        assertThat(readResource.resourceId()).isEqualTo(VM);
        assertThat(readResource.scope2LocationFromMarket()).isTrue();
        assertThat(readResource.scope2LocationKgCo2e()).isEqualByComparingTo("3.5");
        assertThat(readResource.region()).isNull();
    }

    @Test
    void quarantinesAStandInWhoseScope2FiguresDiffer() {
        String csv = String.join("\n",
                "provider,account_id,month,resource_id,scope1_kgco2e,scope2_location_kgco2e,"
                        + "scope2_market_kgco2e,scope3_kgco2e,scope2_location_from_market",
                "azure,s1,2026-11,/r/1,0,9,3.5,1,true",
                "azure,s1,2026-11,/r/2,0,3.5,3.5,1,yes",
                "azure,s1,2026-11,/R/1,0,3.5,3.5,1,true",
                "");

        CollectingSink<EmissionsRow> sink = readBack(csv);

        assertThat(sink.problemAtRow(2).orElseThrow().column()).isEqualTo("scope2_location_from_market");
        assertThat(sink.problemAtRow(2).orElseThrow().reason()).contains("equal");
        assertThat(sink.problemAtRow(3).orElseThrow().reason()).contains("\"yes\"");
        assertThat(sink.accepted()).extracting(EmissionsRow::resourceId).containsExactly("/R/1");
    }

    @Test
    void treatsResourceIdsThatDifferOnlyInCaseAsTheSameCell() {
        String csv = String.join("\n",
                "provider,account_id,month,resource_id,total_location_kgco2e,total_market_kgco2e",
                "aws,a1,2026-11,arn:x/VM,1,1",
                "aws,a1,2026-11,arn:x/vm,2,2",
                "");

        CollectingSink<EmissionsRow> sink = readBack(csv);

        assertThat(sink.accepted()).hasSize(1);
        assertThat(sink.problemAtRow(3).orElseThrow().reason()).contains("repeats");
    }
}
